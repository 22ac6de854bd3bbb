/** Deep-freeze a value (null-prototype objects included), so a test proves nothing writes to it. */
export const deepFreeze = <A>(value: A): A => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k])
  }
  return value
}
