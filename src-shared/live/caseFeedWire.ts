// The `cases` push on the wire (src-main/live/caseFeed.ts → src-renderer/live/useLive.ts). A commit's
// changes share their author and time, so they travel grouped: `{ groups: [{ by, byId, at, ids,
// versions }] }`. A 1,000-case batch is then about 12 kB per client instead of 100 kB — sent to a
// hundred clients over TLS, the long form held the server's request thread for 150 ms.

/** One changed case as the feed announces it. */
export interface CaseChange {
  id: number;
  version: number;
  /** Who made the change (display name and user id) and when (ISO). */
  by: string;
  byId: number | null;
  at: string;
}

export interface CaseFeedGroup {
  by: string;
  byId: number | null;
  at: string;
  ids: number[];
  versions: number[];
}

export interface CaseFeedMessage {
  groups: CaseFeedGroup[];
}

export function encodeCaseChanges(changes: readonly CaseChange[]): CaseFeedMessage {
  const groups = new Map<string, CaseFeedGroup>();
  for (const c of changes) {
    const key = `${c.byId ?? ''}\u0000${c.by}\u0000${c.at}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { by: c.by, byId: c.byId, at: c.at, ids: [], versions: [] }));
    g.ids.push(c.id);
    g.versions.push(c.version);
  }
  return { groups: [...groups.values()] };
}

/** The changes of a push; nothing for data of another shape. */
export function decodeCaseChanges(data: unknown): CaseChange[] {
  const groups = (data as Partial<CaseFeedMessage> | null)?.groups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((g) => g.ids.map((id, i) => ({ id, version: g.versions[i]!, by: g.by, byId: g.byId, at: g.at })));
}
