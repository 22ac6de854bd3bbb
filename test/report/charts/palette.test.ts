import { describe, expect, it } from 'vitest'
import { NO_DATA_FILL, relativeLuminance, textColour, VIRIDIS, viridis } from '../../../src/report/charts/palette.js'

describe('viridis', () => {
  it('hits the matplotlib samples exactly at 0, 0.1, …, 1', () => {
    VIRIDIS.forEach((c, i) => expect(viridis(i / 10)).toBe(c))
    expect([viridis(0), viridis(1)]).toEqual(['#440154', '#fde725'])
  })
  it('interpolates linearly between samples (0.25: halfway between #414487 and #355f8d)', () => {
    // (0x41+0x35)/2 = 59 = 0x3b; (0x44+0x5f)/2 = 81.5 → 82 = 0x52; (0x87+0x8d)/2 = 138 = 0x8a
    expect(viridis(0.25)).toBe('#3b528a')
  })
  it('clamps, and greys out a missing value', () => {
    expect([viridis(-1), viridis(2), viridis(null), viridis(NaN)]).toEqual([
      '#440154',
      '#fde725',
      NO_DATA_FILL,
      NO_DATA_FILL,
    ])
  })
})

describe('text contrast', () => {
  it('uses the WCAG relative luminance', () => {
    expect(relativeLuminance('#ffffff')).toBe(1)
    expect(relativeLuminance('#000000')).toBe(0)
    // WCAG: sRGB 0x80 → ((128/255 + 0.055)/1.055)^2.4 = 0.2159
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4)
  })
  it('puts white on dark viridis and black on light viridis', () => {
    expect([textColour('#440154'), textColour('#21918c'), textColour('#fde725'), textColour(NO_DATA_FILL)]).toEqual([
      '#ffffff',
      '#000000',
      '#000000',
      '#000000',
    ])
  })
})
