import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { getSettings } from '../../src-main/services/settings/settings';

// getSettings keeps its parse while the database is unchanged (services/settings/settings.ts): a
// change committed by another connection (the write worker, another process) or made by this one
// must be seen at the next read, and a change rolled back must not.

let t: TestApp;
afterEach(() => t?.close());

describe('the settings read', () => {
  it('is shared while nothing changed, and sees every committed change at once', async () => {
    t = openTestApp();
    await t.call('settings.set', { courtPresident: '赵院长' });
    const first = getSettings(t.app.db);
    expect(first.courtPresident).toBe('赵院长');
    expect(getSettings(t.app.db)).toBe(first);

    // Another connection to the same file (as the write worker or a second process has).
    const other = new Database(t.app.db.sqlite.name);
    try {
      other.prepare("UPDATE settings SET value = ? WHERE key = 'courtPresident'").run(JSON.stringify('钱院长'));
      expect(getSettings(t.app.db).courtPresident).toBe('钱院长');
      // A commit elsewhere that leaves the settings as they were keeps the same parse.
      const again = getSettings(t.app.db);
      other.exec('CREATE TABLE scratch (a); DROP TABLE scratch;');
      expect(getSettings(t.app.db)).toBe(again);
    } finally {
      other.close();
    }

    // This connection's own change, and one rolled back.
    await t.call('settings.set', { courtPresident: '孙院长' });
    expect(getSettings(t.app.db).courtPresident).toBe('孙院长');
    expect(() =>
      t.app.db.tx(() => {
        t.app.db.rawRun("UPDATE settings SET value = ? WHERE key = 'courtPresident'", JSON.stringify('李院长'));
        expect(getSettings(t.app.db).courtPresident).toBe('李院长');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(getSettings(t.app.db).courtPresident).toBe('孙院长');
  });
});
