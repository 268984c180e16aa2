import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { appendEvent, SYSTEM_ACTOR } from '../../src-main/events/log';
import { stateOf } from '../../src-main/events/projectionState';
import { DEFAULT_DEADLINE_RULES } from '../../src-shared/domain/deadlineRules';
import type { Db } from '../../src-main/db/connection';
import { file } from '../helpers/metricsData';

// A court that saved its deadline rules before a version of the app shipped new ones (the detention
// desk's leave decision and emergency after-approval, the credit desk's listing decision): the saved
// table is merged rule by rule with the shipped one, and its cases get the new clocks.

const opened: TestApp[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
function open(opts: Parameters<typeof openTestApp>[0] = {}): TestApp {
  const t = openTestApp(opts);
  t.app.clock.set('2026-12-21T02:00:00Z');
  opened.push(t);
  return t;
}

const NEW_RULES = ['detentionLeaveDecision', 'detentionEmergencyApproval', 'creditListingDecision'];

/** The table as the earlier version saved it: without the new rules, 'notices' edited to 5 working days, 'payout' disabled. */
function oldSavedTable() {
  return DEFAULT_DEADLINE_RULES.filter((r) => !NEW_RULES.includes(r.id)).map((r) => (r.id === 'notices' ? { ...r, amount: 5 } : r.id === 'payout' ? { ...r, active: false } : r));
}

function saveRaw(db: Db, rules: unknown): void {
  db.rawRun(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('deadlineRules', ?, '2026-06-01T02:00:00Z', 'admin') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    JSON.stringify(rules),
  );
}

describe('deadline rules saved before new rules were shipped', () => {
  it('reads every shipped rule the saved table lacks with its default; edited and disabled rules stay as the court left them', async () => {
    const t = open();
    saveRaw(t.app.db, oldSavedTable());
    const s = await t.call('settings.get', {});
    const byId = new Map(s.deadlineRules.map((r) => [r.id, r]));
    // 民诉法解释 Art. 181 after-approval: 24 h [U]; 拘留所条例 Art. 27: 12 h; 失信规定 2017 Art. 5 [P]: 15 days.
    expect(byId.get('detentionEmergencyApproval')).toMatchObject({ unit: 'hours', amount: 24, active: true });
    expect(byId.get('detentionLeaveDecision')).toMatchObject({ unit: 'hours', amount: 12, active: true });
    expect(byId.get('creditListingDecision')).toMatchObject({ unit: 'calendarDays', amount: 15, active: true });
    expect(byId.get('notices')).toMatchObject({ amount: 5, active: true });
    expect(byId.get('payout')).toMatchObject({ active: false });
    expect(s.deadlineRules).toHaveLength(DEFAULT_DEADLINE_RULES.length);
    // The court's own rows first, as it saved them; the shipped additions after them.
    expect(s.deadlineRules.slice(-3).map((r) => r.id).sort()).toEqual([...NEW_RULES].sort());
  });

  it('a shipped rule taken out of the table is saved disabled, and is not added back as new', async () => {
    const t = open();
    const s = await t.call('settings.get', {});
    await t.call('settings.set', { deadlineRules: s.deadlineRules.filter((r) => r.id !== 'detentionLeaveDecision') });
    const stored = JSON.parse(t.app.db.raw<{ value: string }>(`SELECT value FROM settings WHERE key = 'deadlineRules'`)[0]!.value) as { id: string; active: boolean }[];
    expect(stored.find((r) => r.id === 'detentionLeaveDecision')).toMatchObject({ active: false });
    const again = await t.call('settings.get', {});
    expect(again.deadlineRules.filter((r) => r.id === 'detentionLeaveDecision')).toMatchObject([{ active: false }]);
    // A court rule of its own (not shipped) is simply removed when left out.
    const own = { ...again.deadlineRules.find((r) => r.id === 'notices')!, id: 'ownRule', name: '本院自定期限' };
    await t.call('settings.set', { deadlineRules: [...again.deadlineRules, own] });
    await t.call('settings.set', { deadlineRules: (await t.call('settings.get', {})).deadlineRules.filter((r) => r.id !== 'ownRule') });
    expect((await t.call('settings.get', {})).deadlineRules.some((r) => r.id === 'ownRule')).toBe(false);
  });

  it("an existing court's cases get the new clocks at the next start; a start with nothing new re-derives nothing", async () => {
    const t = open({ keep: true });
    const db = t.app.db;
    // The court as the earlier version left it: its saved table, an emergency detention on a case,
    // and no clock of the rule it did not know (nor a record of the rules its clocks came from).
    const caseId = db.tx(() => {
      saveRaw(db, oldSavedTable());
      const id = file(db, { filedOn: '2026-12-01' });
      appendEvent(db, SYSTEM_ACTOR, t.app.clock.now(), {
        caseId: id,
        type: 'coercion.detained',
        payload: { measureId: 901, days: 5, endsOn: '2026-12-25', ground: 'obstruct', article: '民诉法第一百一十四条', approvedById: 1, emergency: true },
      });
      return id;
    });
    db.tx(() => {
      db.rawRun(`DELETE FROM deadlines WHERE rule_id IN ('detentionEmergencyApproval', 'detentionLeaveDecision', 'creditListingDecision')`);
      db.rawRun(`DELETE FROM deadline_tally WHERE rule_id IN ('detentionEmergencyApproval', 'detentionLeaveDecision', 'creditListingDecision')`);
      db.rawRun(`DELETE FROM meta WHERE key = 'projectionInputs:deadlineClocks'`);
    });
    const clock = (d: Db) => d.raw<{ due_at: string; status: string }>(`SELECT substr(due_at, 1, 16) AS due_at, status FROM deadlines WHERE case_id = ? AND rule_id = 'detentionEmergencyApproval'`, caseId);
    expect(clock(db)).toEqual([]);
    const dir = t.dir;
    await opened.pop()!.close();

    const again = open({ dir, keep: true });
    expect(stateOf(again.app.db, 'deadlineClocks')).toMatchObject({ status: 'current' });
    // Detained 2026-12-21 02:00 UTC: reported to the president within 24 h (解释 Art. 181, rule default [U]).
    expect(clock(again.app.db)).toEqual([{ due_at: '2026-12-22T02:00', status: 'open' }]);
    const board = await again.call('deadlines.board', {});
    expect(board.rebuilding).toBeNull();
    const rebuilt = () => again.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM case_events WHERE type = 'projection.rebuilt'`)[0]!.n;
    const n = rebuilt();
    expect(n).toBeGreaterThan(0);
    await opened.pop()!.close();

    // Nothing changed: the next start leaves the clocks alone.
    const third = open({ dir });
    expect(third.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM case_events WHERE type = 'projection.rebuilt'`)[0]!.n).toBe(n);
    expect(clock(third.app.db)).toHaveLength(1);
  });
});
