/**
 * Colour for charts. Sequential values use viridis (van der Walt & Smith,
 * matplotlib 2015): perceptually uniform, readable in greyscale and by
 * people with the common forms of colour-vision deficiency. Categories use
 * the Okabe–Ito palette (Okabe & Ito 2002, "Color Universal Design"), made
 * for colour-blind readers.
 * @module
 */

/** Viridis sampled at 0, 0.1, …, 1 (matplotlib's `viridis`; the same values as d3's `interpolateViridis`). */
export const VIRIDIS: readonly string[] = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
]

/** The Okabe–Ito colour-blind-safe categorical palette, black omitted. */
export const OKABE_ITO: readonly string[] = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
]

/** The fill of a cell with no value (n = 0): a neutral grey outside the viridis range. */
export const NO_DATA_FILL = '#d9d9d9'

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]
const hex = (c: readonly number[]): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/**
 * The viridis colour of a value in [0, 1], interpolated linearly (in sRGB)
 * between the 11 samples. Values outside [0, 1] are clamped.
 *
 * Degenerate input: `null` or a non-finite number gives {@link NO_DATA_FILL}.
 * @param t - a value in [0, 1], or `null`.
 * @returns the colour as `#rrggbb`.
 * @example
 * viridis(0)    //=> '#440154'
 * viridis(0.5)  //=> '#21918c'
 * viridis(0.25) //=> '#3b528a' // halfway between #414487 and #355f8d
 * viridis(null) //=> '#d9d9d9'
 */
export const viridis = (t: number | null): string => {
  if (t === null || !Number.isFinite(t)) return NO_DATA_FILL
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1)
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x))
  const f = x - i
  const a = rgb(VIRIDIS[i]!)
  const b = rgb(VIRIDIS[i + 1]!)
  return hex(a.map((v, j) => v + (b[j]! - v) * f))
}

/**
 * WCAG 2.x relative luminance of a `#rrggbb` colour.
 * @param color - a colour written `#rrggbb`.
 * @returns its relative luminance, from 0 (black) to 1 (white).
 * @example
 * relativeLuminance('#ffffff') //=> 1
 */
export const relativeLuminance = (color: string): number => {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * Black or white text, whichever contrasts more with the fill (WCAG
 * contrast ratio; black wins above luminance 0.179).
 * @param fill - the background colour, `#rrggbb`.
 * @returns `'#000000'` or `'#ffffff'`.
 * @example
 * textColour('#440154') //=> '#ffffff'
 * textColour('#fde725') //=> '#000000'
 */
export const textColour = (fill: string): string => (relativeLuminance(fill) > 0.179 ? '#000000' : '#ffffff')
