/**
 * The part of Node's `Buffer` that csv-parse's synchronous parser uses, on
 * `Uint8Array` and the browser's UTF-8 `TextEncoder`/`TextDecoder`. The demo
 * page bundles csv-parse's ES module build with this in place of the global
 * `Buffer` (examples/web/build.mjs), instead of csv-parse's browser build,
 * whose general `Buffer` polyfill (every encoding, every read and write
 * method) is 21 KB of its 49 KB. UTF-8 only: the library hands csv-parse
 * UTF-8 bytes and sets no other encoding; any other is refused, not misread.
 * test/examples/web-buffer.test.ts holds csv-parse with this `Buffer` to
 * csv-parse with Node's on well-formed and broken files.
 */
const encoder = new TextEncoder()
const decoder = new TextDecoder()

const utf8Only = (encoding: string | undefined): void => {
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw new Error(`encoding ${encoding} is not supported`)
}

/** Bytes with the instance methods csv-parse calls. */
class Bytes extends Uint8Array {
  /** This buffer (from `start` to `end`) against `target` (from `targetStart` to `targetEnd`). */
  compare(target: Uint8Array, targetStart = 0, targetEnd = target.length, start = 0, end = this.length): number {
    return compare(this.subarray(start, end), target.subarray(targetStart, targetEnd))
  }

  equals(other: Uint8Array): boolean {
    return compare(this, other) === 0
  }

  /** Copy bytes `start` to `end` into `target` at `targetStart` (as many as fit); returns how many. */
  copy(target: Uint8Array, targetStart = 0, start = 0, end = this.length): number {
    const part = this.subarray(start, Math.min(end, start + target.length - targetStart))
    target.set(part, targetStart)
    return part.length
  }

  /** The bytes from `start` to `end`, decoded as UTF-8 (a broken sequence becomes U+FFFD, as in Node). */
  override toString(encoding?: string, start = 0, end = this.length): string {
    utf8Only(encoding)
    return decoder.decode(this.subarray(start, end))
  }
}

/** Byte-wise order of two byte arrays: −1, 0 or 1, as Node's `Buffer.compare`. */
const compare = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/** `Buffer`: the static functions csv-parse calls, on `Bytes`. */
export const Buffer = Object.assign(Bytes, {
  /** Bytes of a UTF-8 string, or a copy of bytes. */
  from: (value: string | ArrayLike<number>, encoding?: string): Bytes => {
    if (typeof value === 'string') {
      utf8Only(encoding)
      const bytes = encoder.encode(value)
      return new Bytes(bytes.buffer, bytes.byteOffset, bytes.length)
    }
    const out = new Bytes(value.length)
    out.set(value)
    return out
  },
  allocUnsafe: (size: number): Bytes => new Bytes(size),
  isBuffer: (value: unknown): value is Bytes => value instanceof Bytes,
  concat: (list: readonly Uint8Array[]): Bytes => {
    const out = new Bytes(list.reduce((n, b) => n + b.length, 0))
    let at = 0
    for (const b of list) {
      out.set(b, at)
      at += b.length
    }
    return out
  },
  compare,
})
