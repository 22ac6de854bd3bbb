/**
 * Attainment as SQL: the same figures as {@link attainmentEither} (per-level
 * counts, not applicable, unrated, excluded, n and k, per standard, section
 * and total, for every round × site scope), computed by a database engine
 * from a long ratings table that need not fit in memory.
 *
 * Only the DuckDB dialect is shipped, because it is the only one tested (the
 * test suite runs the SQL in DuckDB on a generated million-rating table and
 * compares every figure with the in-memory engine under every policy
 * combination). Everything engine-specific is in one {@link SqlDialect}
 * object, so another dialect is one more such object.
 * @module
 */
import * as E from '../model/either.js'
import type { Framework } from '../model/framework.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { NOT_APPLICABLE } from '../model/scale.js'
import { frameworkLayout } from '../model/rating-codes.js'
import { resolvePolicyEither, type DenominatorPolicy, type ResolvedPolicy } from './policy.js'
import { ROLLUP_RULES } from './rollup.js'

/** The engine-specific parts of the generated SQL: the only place a dialect differs. */
export interface SqlDialect {
  readonly name: string
  /** A quoted identifier. */
  readonly ident: (name: string) => string
  /** A string literal. */
  readonly text: (value: string) => string
  /** A table expression reading a source: a file (by its extension) or a table or view name. */
  readonly source: (source: string) => string
  /** An aggregate (`count(*)`, `sum(x)`) over the rows where `condition` holds. */
  readonly where: (aggregate: string, condition: string) => string
  /** A string-typed expression (`CAST(x AS VARCHAR)`). */
  readonly asText: (expr: string) => string
  /** An expression that makes the query fail with `message` (a string literal) when evaluated. */
  readonly fail: (message: string) => string
  /** Grouping sets of the four scope kinds: round × site, round, site, all. */
  readonly scopeSets: (round: string, site: string) => string
}

/**
 * DuckDB (tested with DuckDB 1.5): files by extension through `read_parquet`,
 * `read_csv` and `read_json_auto`, anything else as a table or view name;
 * `count(*) FILTER (WHERE …)`; `error()` to refuse a result.
 */
export const DUCKDB: SqlDialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  text: (value) => `'${value.replaceAll("'", "''")}'`,
  source: (source) => {
    const lit = `'${source.replaceAll("'", "''")}'`
    if (/\.parquet$/i.test(source)) return `read_parquet(${lit})`
    if (/\.(csv|tsv)(\.gz)?$/i.test(source)) return `read_csv(${lit})`
    if (/\.(json|ndjson|jsonl)$/i.test(source)) return `read_json_auto(${lit})`
    return source
      .split('.')
      .map((part) => `"${part.replaceAll('"', '""')}"`)
      .join('.')
  },
  where: (aggregate, condition) => `${aggregate} FILTER (WHERE ${condition})`,
  asText: (expr) => `CAST(${expr} AS VARCHAR)`,
  fail: (message) => `error(${message})`,
  scopeSets: (round, site) => `GROUPING SETS ((${round}, ${site}), (${round}), (${site}), ())`,
}

/** Where the ratings are, and what they are rated against. */
export interface AttainmentSqlOptions {
  /**
   * The long ratings table (columns `site`, `unit`, `round`, `target`,
   * `level`, as `ratingRows` writes them): a file path (`.parquet`, `.csv`,
   * `.json`) or a table or view name.
   */
  readonly ratings: string
  /** The framework the ratings are on (its targets, sections and scale). */
  readonly framework: Framework
  /**
   * The rounds, in the document's order. Default: every round found in the
   * ratings table. A round not listed is not counted, as in memory.
   */
  readonly rounds?: readonly string[]
  /**
   * A table of the units (columns `site`, `unit`), so that a unit with no
   * rating at all still counts every item as unrated. Default: every site ×
   * unit found in the ratings table.
   */
  readonly units?: string
  /** The engine. Default {@link DUCKDB} (the only one shipped). */
  readonly dialect?: SqlDialect
}

const sqlProblem = (key: string, expected: string, found: unknown): Problem =>
  problem(['options', key], expected, found, 'value', `attainmentSql › ${key}`)

/** Which built-in rule a policy names, or a problem: a custom rule's code cannot be written as SQL. */
const ruleName = (p: ResolvedPolicy): string | null => {
  for (const [name, rule] of Object.entries(ROLLUP_RULES)) if (rule === p.rollupRule) return name
  return null
}

/** Level weights of the attained count, exactly as the in-memory engine makes them (`attainedWeights`). */
const weightsOf = (framework: Framework, attained: ResolvedPolicy['attained']): number[] => {
  const L = framework.scale.levels.length
  if (attained === 'top') return framework.scale.levels.map((_, i) => (i === 0 ? 1 : 0))
  if (attained === 'top-two') return framework.scale.levels.map((_, i) => (i <= 1 ? 1 : 0))
  const scores = framework.scale.levels.map((l) => l.score)
  const max = scores.reduce((a, b) => Math.max(a, b), -Infinity)
  const min = scores.reduce((a, b) => Math.min(a, b), Infinity)
  return scores.map((s, i) => (max === min ? (i === 0 ? 1 : 0) : (s - min) / (max - min))).slice(0, L)
}

/** A number as an SQL literal that reads back as the same double. */
const num = (x: number): string => `${x}e0`

/**
 * The roll-up rule as a CASE expression over the counts `c0 … c{L-1}` of a
 * unit × standard's rated criteria (`rated` > 0), giving a level code; the
 * same decisions as `src/standards/rollup.ts`.
 */
const ruleSql = (name: string, framework: Framework): string => {
  const L = framework.scale.levels.length
  const c = (l: number): string => `c${l}`
  const down = Array.from({ length: L }, (_, i) => L - 1 - i)
  switch (name) {
    case 'worst-of':
      return `CASE ${down
        .slice(0, -1)
        .map((l) => `WHEN ${c(l)} > 0 THEN ${l}`)
        .join(' ')} ELSE 0 END`
    case 'all-met-else-partly': {
      const partly = L >= 3 ? L - 2 : L - 1
      return `CASE WHEN ${c(0)} = rated THEN 0 WHEN ${c(L - 1)} = rated THEN ${L - 1} ELSE ${partly} END`
    }
    case 'majority': {
      // The level with the most criteria, ties to the worse one: the worst level whose count is the largest.
      const most = L === 1 ? c(0) : `greatest(${down.map(c).join(', ')})`
      return `CASE ${down
        .slice(0, -1)
        .map((l) => `WHEN ${c(l)} = ${most} THEN ${l}`)
        .join(' ')} ELSE 0 END`
    }
    default: {
      // mean-score: the mean level score against the midpoints of adjacent scores (halves upward).
      const scores = framework.scale.levels.map((l) => l.score)
      const cuts = scores.slice(1).map((s, i) => ((scores[i] as number) + s) / 2)
      const sum = scores.map((s, l) => `${c(l)} * ${num(s)}`).join(' + ')
      const mean = `((${sum}) / rated)`
      return `CASE ${cuts.map((cut, l) => `WHEN ${mean} >= ${num(cut)} - 1e-12 THEN ${l}`).join(' ')} ELSE ${L - 1} END`
    }
  }
}

/**
 * DuckDB SQL computing the attainment figures of a long ratings table under
 * a denominator policy: the same figures as `attainment(ev, policy)` for a
 * document with those ratings, units and rounds. One row per scope (round ×
 * site, with NULL for "all") × figure:
 * `round, site, scope ('standard' | 'section' | 'total'), section, standard`,
 * one count column per level of the scale (named by level id, the counts
 * after the policy), `na, unrated, excluded, explicit, items, n, k,
 * proportion`. Sections and the total are pooled, or a mean of the
 * standards' proportions (`k` = their sum, `n` = standards with n > 0) under
 * `total: 'mean-of-standards'`. Intervals are not computed (apply Wilson to
 * k and n, or use the in-memory engine).
 *
 * As in memory: `unrated: 'error'` makes the query fail when any item is
 * unrated, and so does a level that is neither on the scale nor `na`; a
 * standard rated itself wins over the roll-up of its criteria; ratings of
 * rounds not listed are not counted.
 *
 * Degenerate input: a custom roll-up rule (a function, which SQL cannot run)
 * and an invalid policy give a `Left`.
 * @param policy the denominator policy (default: every default of `attainment`)
 * @param options `ratings` (a file or table), `framework`, `rounds`, `units`, `dialect`
 * @returns the SQL text of one query
 * @example
 * attainmentSqlEither({ count: 'criteria' }, { ratings: 'ratings.parquet', framework: emhipFramework })
 * //=> right('WITH "levels"(level, code) AS (VALUES (\'met\', 0), (\'partly\', 1), (\'not-met\', 2), (\'na\', -1)),…ORDER BY x.round NULLS LAST, x.site NULLS LAST, x.ord')
 * attainmentSqlEither({ rollup: customRule('mine', () => 'met') }, { ratings: 'ratings.parquet', framework: emhipFramework })
 * //=> left([{ where: 'policy › rollup', … }])
 */
export const attainmentSqlEither = (
  policy: DenominatorPolicy | undefined,
  options: AttainmentSqlOptions,
): Result<string> => {
  const resolved = resolvePolicyEither(policy)
  if (E.isLeft(resolved)) return resolved
  const p = resolved.right
  const out: Problem[] = []
  if (options === null || typeof options !== 'object')
    return E.left([problem(['options'], 'an options object { ratings, framework }', options, 'shape', 'attainmentSql')])
  if (typeof options.ratings !== 'string' || options.ratings === '')
    out.push(sqlProblem('ratings', 'a file path or table name', options.ratings))
  const fw = options.framework as Framework | undefined
  if (fw === null || typeof fw !== 'object' || !Array.isArray(fw.sections) || !Array.isArray(fw.scale?.levels))
    out.push(sqlProblem('framework', 'a framework (sections and a scale)', fw))
  if (
    options.rounds !== undefined &&
    (!Array.isArray(options.rounds) || options.rounds.some((r) => typeof r !== 'string'))
  )
    out.push(sqlProblem('rounds', 'a list of round ids', options.rounds))
  if (options.units !== undefined && (typeof options.units !== 'string' || options.units === ''))
    out.push(sqlProblem('units', 'a file path or table name', options.units))
  const rule = ruleName(p)
  if (p.count === 'standards' && rule === null)
    out.push(
      problem(
        ['policy', 'rollup'],
        `a built-in roll-up rule (${Object.keys(ROLLUP_RULES).join(' | ')}): a custom rule cannot be written as SQL`,
        p.rollup,
        'value',
        'policy › rollup',
      ),
    )
  if (out.length > 0) return E.left(out)
  return E.right(build(p, rule ?? '', options, options.dialect ?? DUCKDB))
}

/**
 * DuckDB SQL computing the attainment figures of a long ratings table under
 * a denominator policy: the same figures as `attainment(ev, policy)` for a
 * document with those ratings, units and rounds. One row per scope (round ×
 * site, with NULL for "all") × figure:
 * `round, site, scope ('standard' | 'section' | 'total'), section, standard`,
 * one count column per level of the scale (named by level id, the counts
 * after the policy), `na, unrated, excluded, explicit, items, n, k,
 * proportion`. Sections and the total are pooled, or a mean of the
 * standards' proportions (`k` = their sum, `n` = standards with n > 0) under
 * `total: 'mean-of-standards'`. Intervals are not computed (apply Wilson to
 * k and n, or use the in-memory engine).
 *
 * The throwing form of {@link attainmentSqlEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a custom roll-up rule (a function, which SQL cannot run)
 * and an invalid policy throws.
 * @param policy the denominator policy (default: every default of `attainment`)
 * @param options `ratings` (a file or table), `framework`, `rounds`, `units`, `dialect`
 * @returns the result (`string`), as {@link attainmentSqlEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link attainmentSqlEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] attainmentSql: …`).
 * @example
 * attainmentSql({}, { ratings: 'ratings.parquet', framework: emhipFramework }).startsWith('WITH') //=> true
 */
export const attainmentSql = (policy: DenominatorPolicy | undefined, options: AttainmentSqlOptions): string =>
  orThrow('attainmentSql', attainmentSqlEither(policy, options))

const build = (p: ResolvedPolicy, rule: string, o: AttainmentSqlOptions, d: SqlDialect): string => {
  const fw = o.framework
  const layout = frameworkLayout(fw)
  const L = fw.scale.levels.length
  const levelIds = fw.scale.levels.map((l) => l.id as string)
  const q = d.ident
  const t = d.text
  const cnt = (condition: string): string => d.where('count(*)', condition)
  const txt = d.asText
  const codes = Array.from({ length: L }, (_, l) => l)
  const weights = weightsOf(fw, p.attained)
  const sectionIds = fw.sections.map((s) => s.id as string)

  const levelsCte = `${q('levels')}(level, code) AS (VALUES ${[...levelIds, NOT_APPLICABLE].map((id, i) => `(${t(id)}, ${i === L ? -1 : i})`).join(', ')})`
  const standardsCte = `${q('standards')}(standard, section, position, criteria) AS (VALUES ${layout.standardIds
    .map(
      (s, i) =>
        `(${t(s)}, ${t(sectionIds[layout.sectionOf[i] as number] as string)}, ${i}, ${(layout.criteriaStart[i + 1] as number) - (layout.criteriaStart[i] as number)})`,
    )
    .join(', ')})`
  const criteriaRows = layout.standardIds.flatMap((s, i) =>
    layout.criterionIds
      .slice(layout.criteriaStart[i] as number, layout.criteriaStart[i + 1] as number)
      .map((c) => `(${t(c)}, ${t(s)})`),
  )
  // A framework without criteria still needs a typed, empty criteria table.
  const criteriaCte = `${q('criteria')}(target, standard) AS (${criteriaRows.length > 0 ? `VALUES ${criteriaRows.join(', ')}` : `SELECT ${txt("''")}, ${txt("''")} WHERE 1 = 0`})`
  const raw = `${q('raw')} AS (SELECT ${['site', 'unit', 'round', 'target', 'level'].map((c) => `${txt(c)} AS ${c}`).join(', ')} FROM ${d.source(o.ratings)})`
  const roundsCte =
    o.rounds === undefined
      ? `${q('rounds')} AS (SELECT DISTINCT round FROM ${q('raw')})`
      : o.rounds.length === 0
        ? `${q('rounds')} AS (SELECT ${txt("''")} AS round WHERE 1 = 0)`
        : `${q('rounds')}(round) AS (VALUES ${o.rounds.map((r) => `(${t(r)})`).join(', ')})`
  const unitsCte =
    o.units === undefined
      ? `${q('units')} AS (SELECT DISTINCT site, unit FROM ${q('raw')})`
      : `${q('units')} AS (SELECT DISTINCT ${txt('site')} AS site, ${txt('unit')} AS unit FROM ${d.source(o.units)})`
  // Every rating of a listed round, with its level code (na = -1); a level off the scale refuses the result.
  const rated = `${q('rated')} AS (SELECT r.site, r.unit, r.round, r.target, CASE WHEN l.code IS NULL THEN ${d.fail(
    `'a level of the scale or ${NOT_APPLICABLE}, found "' || r.level || '" (' || r.site || ' › ' || r.unit || ' › ' || r.round || ' › ' || r.target || ')'`,
  )} ELSE l.code END AS code FROM ${q('raw')} r LEFT JOIN ${q('levels')} l ON l.level = r.level WHERE r.round IN (SELECT round FROM ${q('rounds')}))`
  const ctes = [levelsCte, standardsCte, criteriaCte, raw, roundsCte, unitsCte, rated]
  const per = codes.map((l) => `${cnt(`code = ${l}`)} AS c${l}`).join(', ')
  const on = (a: string, b: string, keys: readonly string[]): string =>
    keys.map((key) => `${a}.${key} = ${b}.${key}`).join(' AND ')
  if (p.count === 'criteria') {
    // Rated criteria per round × site × standard (a join with the small criteria table only); the
    // unrated ones are the slots (units × criteria) less those rated.
    ctes.push(
      `${q('crit_counts')} AS (SELECT x.round, x.site, c.standard, ${per}, ${cnt('code = -1')} AS na FROM ${q('rated')} x JOIN ${q('criteria')} c ON c.target = x.target GROUP BY x.round, x.site, c.standard)`,
      `${q('unit_rounds')} AS (SELECT ro.round, u.site, count(*) AS units FROM ${q('units')} u CROSS JOIN ${q('rounds')} ro GROUP BY ro.round, u.site)`,
      `${q('base')} AS (SELECT ur.round, ur.site, s.standard, ${codes.map((l) => `coalesce(cc.c${l}, 0) AS c${l}`).join(', ')}, coalesce(cc.na, 0) AS na, ur.units * s.criteria - ${[
        ...codes.map((l) => `coalesce(cc.c${l}, 0)`),
        'coalesce(cc.na, 0)',
      ].join(
        ' - ',
      )} AS unrated, 0 AS explicit FROM ${q('unit_rounds')} ur CROSS JOIN ${q('standards')} s LEFT JOIN ${q('crit_counts')} cc ON ${on('cc', 'ur', ['round', 'site'])} AND cc.standard = s.standard)`,
    )
  } else {
    ctes.push(
      `${q('tallies')} AS (SELECT x.site, x.unit, x.round, c.standard, ${cnt('code >= 0')} AS rated, ${cnt('code = -1')} AS na, ${per} FROM ${q('rated')} x JOIN ${q(
        'criteria',
      )} c ON c.target = x.target GROUP BY x.site, x.unit, x.round, c.standard)`,
      `${q('explicit')} AS (SELECT x.site, x.unit, x.round, x.target AS standard, x.code FROM ${q('rated')} x JOIN ${q('standards')} s ON s.standard = x.target)`,
      // A standard rated itself wins; else the rule on its rated criteria; else na when every criterion is na; else unrated.
      `${q('items')} AS (SELECT u.site, ro.round, s.standard, CASE WHEN e.code IS NOT NULL THEN e.code WHEN t.rated > 0 THEN ${ruleSql(
        rule,
        fw,
      ).replaceAll(
        /\b(c\d+|rated)\b/g,
        't.$1',
      )} WHEN t.na > 0 AND t.na = s.criteria THEN -1 ELSE NULL END AS code, CASE WHEN e.code IS NOT NULL THEN 1 ELSE 0 END AS explicit FROM ${q('units')} u CROSS JOIN ${q(
        'rounds',
      )} ro CROSS JOIN ${q('standards')} s LEFT JOIN ${q('tallies')} t ON ${on('t', 'u', ['site', 'unit'])} AND t.round = ro.round AND t.standard = s.standard LEFT JOIN ${q(
        'explicit',
      )} e ON ${on('e', 'u', ['site', 'unit'])} AND e.round = ro.round AND e.standard = s.standard)`,
      `${q('base')} AS (SELECT round, site, standard, ${per}, ${cnt('code = -1')} AS na, ${cnt('code IS NULL')} AS unrated, sum(explicit) AS explicit FROM ${q('items')} GROUP BY round, site, standard)`,
    )
  }
  // Every scope × standard: the round × site rows summed over the four kinds of scope.
  ctes.push(
    `${q('figures')} AS (SELECT b.round, b.site, s.section, b.standard, s.position, ${codes.map((l) => `sum(b.c${l}) AS c${l}`).join(', ')}, sum(b.na) AS na, sum(b.unrated) AS unrated, sum(b.explicit) AS explicit FROM ${q(
      'base',
    )} b JOIN ${q('standards')} s ON s.standard = b.standard GROUP BY ${d.scopeSets('b.round', 'b.site')}, s.section, b.standard, s.position)`,
  )
  // The policy: na and unrated into the worst level, or out of the denominator.
  const naIn = p.notApplicable === 'not-met'
  const unratedIn = p.unrated === 'not-met'
  const level = (l: number): string =>
    l === L - 1 ? `(c${l}${naIn ? ' + na' : ''}${unratedIn ? ' + unrated' : ''})` : `c${l}`
  const n = codes.map(level).join(' + ')
  const k = codes.map((l) => `${level(l)} * ${num(weights[l] as number)}`).join(' + ')
  const excluded = [naIn ? null : 'na', unratedIn ? null : 'unrated'].filter((x) => x !== null).join(' + ') || '0'
  ctes.push(
    `${q('per_standard')} AS (SELECT round, site, section, standard, position, ${codes.map((l) => `${level(l)} AS c${l}`).join(', ')}, na, unrated, ${excluded} AS excluded, explicit, (${n}) AS n, (${k}) AS k FROM ${q('figures')})`,
  )
  if (p.unrated === 'error')
    ctes.push(
      `${q('refused')} AS (SELECT CASE WHEN sum(unrated) > 0 THEN ${d.fail(`'every item rated (unrated: ''error''), found ' || CAST(sum(unrated) AS VARCHAR) || ' unrated'`)} ELSE 0 END AS ok FROM ${q('per_standard')} WHERE round IS NULL AND site IS NULL)`,
    )
  const cols = codes.map((l) => `c${l} AS ${q(levelIds[l] as string)}`).join(', ')
  const sums = codes.map((l) => `sum(c${l}) AS ${q(levelIds[l] as string)}`).join(', ')
  const standardRows = `SELECT round, site, 'standard' AS scope, section, standard, ${cols}, na, unrated, excluded, explicit, n AS items, n, k, CASE WHEN n > 0 THEN k / n END AS proportion, position AS ord FROM ${q('per_standard')}`
  const group = (scope: 'section' | 'total', section: string, ord: string): string =>
    p.total === 'pooled'
      ? `SELECT round, site, '${scope}' AS scope, ${section} AS section, NULL AS standard, ${sums}, sum(na) AS na, sum(unrated) AS unrated, sum(excluded) AS excluded, sum(explicit) AS explicit, sum(n) AS items, sum(n) AS n, sum(k) AS k, CASE WHEN sum(n) > 0 THEN sum(k) / sum(n) END AS proportion, ${ord} AS ord FROM ${q('per_standard')}`
      : `SELECT round, site, '${scope}' AS scope, ${section} AS section, NULL AS standard, ${sums}, sum(na) AS na, sum(unrated) AS unrated, sum(excluded) AS excluded, sum(explicit) AS explicit, sum(n) AS items, ${cnt('n > 0')} AS n, coalesce(${d.where('sum(k / n)', 'n > 0')}, 0) AS k, CASE WHEN ${cnt('n > 0')} > 0 THEN ${d.where('sum(k / n)', 'n > 0')} / ${cnt('n > 0')} END AS proportion, ${ord} AS ord FROM ${q('per_standard')}`
  const sectionOrd = `${layout.standardIds.length} + (CASE ${sectionIds.map((s, i) => `WHEN section = ${t(s)} THEN ${i}`).join(' ')} END)`
  const body = [
    standardRows,
    `${group('section', 'section', `min(${sectionOrd})`)} GROUP BY round, site, section`,
    `${group('total', 'NULL', `${layout.standardIds.length + sectionIds.length}`)} GROUP BY round, site`,
  ].join(' UNION ALL ')
  // A filter on the refusal's value, so that no optimiser can leave the refusal out.
  const refusedJoin = p.unrated === 'error' ? ` CROSS JOIN ${q('refused')} WHERE ${q('refused')}.ok = 0` : ''
  const columns = [
    'round',
    'site',
    'scope',
    'section',
    'standard',
    ...levelIds.map(q),
    'na',
    'unrated',
    'excluded',
    'explicit',
    'items',
    'n',
    'k',
    'proportion',
  ]
  return `WITH ${ctes.join(',\n')}\nSELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM (${body}) x${refusedJoin} ORDER BY x.round NULLS LAST, x.site NULLS LAST, x.ord`
}
