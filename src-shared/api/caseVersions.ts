import { z } from 'zod';

// Many clerks, one case: a write states what the clerk saw, and a case changed by someone else
// since then is not overwritten blindly. Every case has a `version` (the id of the last event that
// changed it; cases.list, cases.get and the queues show it) and every answer of a method that reads
// cases carries `asOf` — the newest event its data had seen. A method that changes cases declares
//
//   versions: 'seen'                  its input takes `seen` (below); the registry finds the cases the
//                                     call changes through the method's case declaration (`cases.ids`),
//                                     requires a version for each of them from a client, and refuses
//                                     a case changed since (409: 此案件已由张三于 10:42 修改，请刷新后重试)
//   versions: { exempt: '理由' }       the method changes cases but no clerk's view can be stale
//                                     (a new case, an import of the banks' answers): the reason is
//                                     part of the contract and of docs/api.md
//
// The registry refuses at start-up a method that `writes` and touches cases without saying which.
//
// `seen` names, per case, the version the clerk saw (`cases`), and/or `asOf` for every case not
// named: the `asOf` of the answer the clerk's grid or page came from. A batch refuses the whole call
// when any of its cases changed, naming each (details.changed) — or, with `skipChanged`, leaves those
// cases out, does the rest and answers which it skipped (`skipped` beside `data`).

export const seenInput = z
  .object({
    /** Case id → the version the clerk saw (case pages, a row of a grid). */
    cases: z.record(z.string().regex(/^[1-9][0-9]{0,15}$/, '案件编号无效'), z.number().int().min(0)).optional(),
    /** The `asOf` of the answer the clerk's view came from: covers every case not in `cases`. */
    asOf: z.number().int().min(0).optional(),
    /** Batches: leave out the cases changed since, instead of refusing the call. */
    skipChanged: z.boolean().optional(),
  })
  .strict();

/** The field every case-changing method's input carries: `input: z.object({ …, seen })`. */
export const seen = seenInput.optional();
export type Seen = z.infer<typeof seenInput>;

/**
 * 'seen': every case the declared ids reach is changed by the call. `{ seen: [paths] }`: only the
 * cases reached through these paths of `cases.ids` are changed (a batch id that names the batch, and
 * `results[].caseId` the cases written). `{ exempt }`: no check, for the reason given.
 */
export type VersionSpec = 'seen' | { readonly seen: readonly string[] } | { readonly exempt: string };

/** A case that changed after the clerk saw it: the answer's `skipped`, and a 409's `details.changed`. */
export const staleCaseView = z.object({
  caseId: z.number().int(),
  number: z.string(),
  version: z.number().int(),
  /** Who changed it last, and when (ISO). */
  by: z.string(),
  at: z.string(),
});
export type StaleCaseView = z.infer<typeof staleCaseView>;

/** The `seen` for one case as a page shows it. */
export function seenCase(c: { id: number; version: number }): Seen {
  return { cases: { [String(c.id)]: c.version } };
}

/** The `seen` for everything a grid or queue showed (the `asOf` of its answer). */
export function seenAsOf(asOf: number, skipChanged = false): Seen {
  return skipChanged ? { asOf, skipChanged } : { asOf };
}

/** The declaration in words, for the generated references. */
export function versionText(v: VersionSpec | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'object' && 'seen' in v) return `须在 \`seen\` 中说明 ${v.seen.map((p) => `\`${p}\``).join('、')} 所指案件的所见版本；案件在此之后被他人修改的，拒绝（409）或按 \`skipChanged\` 跳过`;
  if (v === 'seen') return '须在 `seen` 中说明所见的案件版本；案件在此之后被他人修改的，拒绝（409）或按 `skipChanged` 跳过';
  return `不核对案件版本：${(v as { exempt: string }).exempt}`;
}
