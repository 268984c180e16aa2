import type { Db } from '../../db/connection';
import { settingsSchema, SETTINGS_SCHEMA, SETTING_EDITORS, type Settings, type SettingKey } from '../../../src-shared/settings';
import { appendEvent, type Actor } from '../../events/log';
import { ApiError } from '../../../src-shared/api/errors';
import { keepShippedRules, withShippedRules } from '../../../src-shared/domain/deadlineRules';

/**
 * Refuses a non-administrator a change to a setting of the court's identity or security
 * (SETTING_EDITORS). Keys sent with their current value are no change (a form saves whole groups).
 */
export function assertMayChange(db: Db, isAdmin: boolean, patch: Partial<Settings>): void {
  if (isAdmin) return;
  const now = getSettings(db);
  for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
    if (value === undefined || SETTING_EDITORS[key].editor !== 'admin') continue;
    if (JSON.stringify(now[key]) === JSON.stringify(value)) continue;
    throw new ApiError('forbidden', `“${SETTING_EDITORS[key].label}”只能由系统管理员修改`, key);
  }
}

/** Saving the court's name or code stores it even when it equals the default (court.ts: the mark of setup). */
const COURT_IDENTITY_KEYS: SettingKey[] = ['courtName', 'courtCode'];

/**
 * All settings: stored values over the documented defaults. The deadline rules are a table merged
 * rule by rule: a shipped rule the court's saved table lacks runs with its default (withShippedRules).
 */
export function getSettings(db: Db): Settings {
  // Parsing (zod, the shipped rules) costs about a millisecond; every open event stream checks its
  // session limits every few seconds, which at 100 clients held the request thread for 100 ms. The
  // parse is kept, shared and frozen (a caller that wants to change it makes its own copy), while the
  // database is as it was: no commit by another connection (PRAGMA data_version, so a change made by
  // the write worker or another process is seen at once) and no row changed by this one
  // (total_changes()). Otherwise the stored text is read and compared. Inside a transaction the stamp
  // is not kept: a rollback undoes rows without changing either number.
  const stamp = db.sqlite.inTransaction ? null : db.raw<{ v: number; t: number }>('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS t')[0]!;
  const hit = parsed.get(db);
  if (hit && stamp && hit.stamp?.v === stamp.v && hit.stamp.t === stamp.t) return hit.settings;
  const rows = db.raw<{ key: string; value: string }>('SELECT key, value FROM settings ORDER BY key');
  const key = rows.map((r) => `${r.key}\u0000${r.value}`).join('\u0001');
  if (hit && hit.key === key) {
    parsed.set(db, { ...hit, stamp });
    return hit.settings;
  }
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key in SETTINGS_SCHEMA) stored[row.key] = JSON.parse(row.value);
  }
  const s = settingsSchema.parse(stored);
  const settings = deepFreeze({ ...s, deadlineRules: withShippedRules(s.deadlineRules) });
  parsed.set(db, { key, stamp, settings });
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The last parse per connection: its stored text, the database's stamp when read (null inside a transaction). */
const parsed = new WeakMap<Db, { key: string; stamp: { v: number; t: number } | null; settings: Settings }>();

/** `store`: keys written even when equal to their default (the court's identity marks setup as done). */
export function setSettings(db: Db, actor: Actor, at: Date, patch: Partial<Settings>, opts: { store?: SettingKey[] } = {}): Settings {
  return db.tx(() => {
    const before = getSettings(db);
    // A shipped rule left out of the table is kept disabled, not dropped (it would come back as new).
    if (patch.deadlineRules) patch = { ...patch, deadlineRules: keepShippedRules(patch.deadlineRules, before.deadlineRules) };
    const stored = new Set(db.all(db.q.selectFrom('settings').select('key')).map((r) => r.key));
    const changed: string[] = [];
    for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      const mustStore = (opts.store ?? COURT_IDENTITY_KEYS).includes(key) && !stored.has(key);
      if (JSON.stringify(before[key]) === JSON.stringify(value) && !mustStore) continue;
      changed.push(key);
      db.run(
        db.q
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: at.toISOString(), updated_by: actor.name })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at.toISOString(), updated_by: actor.name })),
      );
    }
    if (changed.length > 0) {
      appendEvent(db, actor, at, {
        caseId: null,
        type: 'settings.changed',
        payload: { keys: changed, before: Object.fromEntries(changed.map((k) => [k, before[k as SettingKey]])), after: Object.fromEntries(changed.map((k) => [k, patch[k as SettingKey]])) },
      });
    }
    return getSettings(db);
  });
}
