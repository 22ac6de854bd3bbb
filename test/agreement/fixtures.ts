/**
 * Published reliability data used as reference inputs. Each constant names its
 * source; the expected figures are cited in the tests that use them.
 */
type Cell = string | number | null

/** Transpose coders × units (as papers print them) into units × coders. */
export const unitsByCoders = (byCoder: readonly (readonly Cell[])[]): Cell[][] =>
  byCoder[0]!.map((_, u) => byCoder.map((row) => row[u]!))

/**
 * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
 * 4 coders (A–D) × 12 units, values 1–5, missing as null. The same data are
 * irrCAC's `cac.raw4raters` (Gwet 2014, p. 120), where the lone value of unit 12
 * sits with another rater; only counts per unit enter the coefficients.
 */
export const KRIPPENDORFF_2011 = unitsByCoders([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
])

/** Krippendorff's 3 coders × 15 units example (Wikipedia "Krippendorff's alpha"; Python `krippendorff` tests). */
export const KRIPPENDORFF_3X15 = unitsByCoders([
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
])

/** Krippendorff (2011), section A: binary data, 2 coders × 10 units. */
export const KRIPPENDORFF_BINARY = unitsByCoders([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
])

/** Fleiss (1971) Table 1 as R irr `diagnoses`: 30 patients × 6 psychiatrists, levels 1 depression … 5 other. */
export const DIAGNOSES = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
]

/** R irr `anxiety`: 20 subjects × 3 raters, anxiety 1–6 (column-major as irr stores it). */
const ANXIETY_FLAT = [
  3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3,
  4, 2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2,
]
export const ANXIETY = unitsByCoders([
  ANXIETY_FLAT.slice(0, 20),
  ANXIETY_FLAT.slice(20, 40),
  ANXIETY_FLAT.slice(40),
]) as number[][]

/** The SAS example table statsmodels tests `cohens_kappa` against (3 × 3, n = 19). */
export const SAS_TABLE = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
]

/** Wikipedia "Fleiss' kappa" worked example: 10 subjects × 5 categories, 14 raters each. */
export const WIKIPEDIA_FLEISS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
]

/** irrCAC `cac.raw.gender`: 15 subjects × 4 raters, levels a–c, complete. */
export const GENDER = unitsByCoders(
  [
    'a a a a a b b b c a a a a a b',
    'a a a a b a b c c a a a a b a',
    'a b b c a a b b c a b b c a a',
    'c c c c a a b b c c c c c a a',
  ].map((r) => r.split(' ')),
)

/** irrCAC `cac.raw5obser`: 15 units × 5 observers, scores 0–3, missing as null. */
export const FIVE_OBSERVERS = unitsByCoders([
  [1, 1, 2, null, 0, 0, 1, 1, 2, 2, null, 0, 1, 3, 1],
  [1, 1, 3, 0, 0, 0, 0, null, 2, 1, 1, 0, 2, 3, 1],
  [2, 0, 3, 0, 0, 0, 2, 2, 2, 1, 0, 0, 2, 2, 1],
  [null, 1, 3, null, null, null, null, 0, null, 1, 0, 0, 2, 2, null],
  [2, null, null, 0, 0, 0, 1, null, 2, null, null, null, null, 3, 1],
])

/** irrCAC `cont3x3abstractors` (Gwet 2014): 100 pregnancies × 2 abstractors, ectopic / AIU / NIU. */
export const ABSTRACTORS = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
]

/** irrCAC `cont4x4diagnosis`: 223 patients, research × clinical diagnosis. */
export const DIAGNOSIS_4X4 = [
  [40, 4, 4, 17],
  [6, 25, 2, 13],
  [4, 1, 21, 12],
  [15, 5, 9, 45],
]
