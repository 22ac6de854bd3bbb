// @ts-check
/**
 * TypeDoc plugin: every exported name gets the `@category` of the concept folder
 * its source lives in (src/standards -> Standards), unless its doc comment
 * names a category itself. The reference is then grouped by concept without a
 * tag to keep in step by hand on every declaration.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc'

/** Source folder (under src/) -> category title. */
export const CATEGORIES = {
  model: 'Model',
  document: 'Document',
  edit: 'Edits',
  standards: 'Standards',
  objectives: 'Objectives',
  cmo: 'CMO',
  evidence: 'Evidence',
  agreement: 'Agreement',
  qca: 'QCA',
  economics: 'Economics',
  gas: 'GAS',
  attributes: 'Attributes',
  observations: 'Observations',
  data: 'Datasets',
  io: 'IO',
  report: 'Report',
  cli: 'CLI',
}

const KINDS =
  ReflectionKind.Function |
  ReflectionKind.Variable |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Enum |
  ReflectionKind.Namespace

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const r of context.project.getReflectionsByKind(KINDS)) {
      if (!r.parent || !r.parent.kindOf(ReflectionKind.Module | ReflectionKind.Project)) continue
      const file = r.sources?.[0]?.fullFileName.replace(/\\/g, '/') ?? ''
      const m = /\/src\/([^/]+)\//.exec(file)
      const category = m ? CATEGORIES[/** @type {keyof typeof CATEGORIES} */ (m[1])] : undefined
      if (!category) continue
      const /** @type {any} */ decl = r
      const comments = [decl.comment, ...(decl.signatures ?? []).map((/** @type {any} */ s) => s.comment)]
      if (comments.some((c) => c?.blockTags.some((/** @type {CommentTag} */ t) => t.tag === '@category'))) continue
      const tag = new CommentTag('@category', [{ kind: 'text', text: category }])
      if (decl.comment) decl.comment.blockTags.push(tag)
      else if (decl.signatures?.[0]?.comment) decl.signatures[0].comment.blockTags.push(tag)
      else decl.comment = new Comment([], [tag])
    }
  })
}
