import type { Evaluation } from '../model/evaluation.js'
import type { ConfigurationSnapshot, ElementSnapshot, ProgrammeTheory, TheoryVersion } from '../model/cmo.js'

/**
 * Freeze a theory's working set: copies of its configurations (without their
 * status history) and the label and role of every element they use, as they
 * are in `ev` now. Configurations the working set names but `ev` lacks are
 * skipped (`theoryProblems` reports them).
 *
 * Used by `commitTheoryVersion`, and by `theoryDiff` to compare a committed
 * version with the working set.
 * @param ev the evaluation holding the theory's configurations and elements
 * @param theory the theory whose working set is frozen
 * @param version the number to give the snapshot
 * @returns the version: its number, and a copy of each configuration and of the id, label and role of each element it uses
 * @example
 * const ev = withMhipTheory(mhipEvaluation)
 * snapshotTheory(ev, ev.theories[0], 1)
 * //=> { version: 1, configurations: [{ id: 'capacity-low-impact', contexts: ['insufficient-readiness'], … }, …],
 * //     elements: [{ id: 'insufficient-readiness', label: 'Insufficient local readiness for change', role: 'context' }, …] }
 */
export const snapshotTheory = (ev: Evaluation, theory: ProgrammeTheory, version: number): TheoryVersion => {
  const byId = new Map(ev.configurations.map((c) => [c.id as string, c]))
  const elements = new Map(ev.elements.map((e) => [e.id as string, e]))
  const configurations: ConfigurationSnapshot[] = []
  const used = new Map<string, ElementSnapshot>()
  for (const id of theory.configurations) {
    const c = byId.get(id)
    if (c === undefined) continue
    const { statusHistory: _h, ref: _r, ...snapshot } = c
    configurations.push(structuredClone(snapshot))
    for (const e of [...c.contexts, ...c.mechanisms, c.outcome]) {
      const el = elements.get(e)
      if (el !== undefined && !used.has(e)) used.set(e, { id: el.id, label: el.label, role: el.role })
    }
  }
  return { version, configurations, elements: [...used.values()] }
}
