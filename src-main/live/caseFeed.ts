import type { App } from '../app/app';
import type { CaseChange } from '../db/connection';
import { caseVisible } from '../app/bus';
import { encodeCaseChanges, type CaseChange as FeedItem, type CaseFeedMessage } from '../../src-shared/live/caseFeedWire';

// The live feed of case changes: after every commit that changed cases, one push on the `cases`
// topic — the changed cases with their new versions, who and when (src-shared/live/caseFeedWire.ts)
// — delivered to each connected client with only the cases its user may see (a tribunal team's officer: the team's cases; a case not yet
// assigned to a team reaches only the command centre). Clients reload the grids, badges and case
// pages that show those cases; a case page compares the version with the one it shows.

export function publishCaseChanges(app: App, changes: CaseChange[]): void {
  const latest = new Map<number, CaseChange>();
  for (const c of changes) latest.set(c.caseId, c);
  const ids = [...latest.keys()];
  const teams = new Map<number, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of app.db.raw<{ id: number; team_id: string | null }>(`SELECT id, team_id FROM cases WHERE id IN (${chunk.map(() => '?').join(',')})`, ...chunk)) teams.set(r.id, r.team_id);
  }
  const items = ids.map((id) => {
    const c = latest.get(id)!;
    return { teamId: teams.get(id) ?? null, item: { id, version: c.version, by: c.by, byId: c.byId, at: c.at } satisfies FeedItem };
  });
  // One view per team (and one for the whole register), shared by every client of that scope: a
  // batch of 800 cases is filtered a handful of times, not once per connected client, and the event
  // stream serialises each shared view once (transports/eventStream.ts).
  const views = new Map<string, CaseFeedMessage | null>();
  app.bus.publish({
    topic: 'cases',
    data: null,
    audience: {
      kind: 'scoped',
      view: (scope) => {
        const key = scope.all ? '*' : `team:${scope.teamId ?? ''}`;
        if (!views.has(key)) {
          const mine = scope.all ? items : items.filter((i) => caseVisible(scope, i.teamId));
          views.set(key, mine.length > 0 ? encodeCaseChanges(mine.map((i) => i.item)) : null);
        }
        return views.get(key)!;
      },
    },
  });
}
