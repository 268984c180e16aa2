import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft, makeId } from '../helpers/drafts';
import { DB_FILE } from '../../src-main/app/app';
import { quickCheckInWorker } from '../../src-main/services/security/health';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

// Large databases are checked in a worker thread at start-up (so the app answers at once); the
// worker must reach the same verdict as the check on the main connection.
describe('the start-up quick_check in a worker thread', () => {
  it('passes a sound database and names the damage in a broken one', async () => {
    t = openTestApp({ keep: true });
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 40; i++) await t.call('cases.file', sampleDraft({ debtors: [{ kind: 'person', name: `甲${i}`, idNumber: makeId('19800101', i + 1) }], confirmDuplicate: true }));
    expect((await quickCheckInWorker(t.app)).ok).toBe(true);
    const dir = t.dir;
    await t.close();

    const probe = new Database(join(dir, DB_FILE), { readonly: true });
    const root = (probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'parties_case'").get() as { rootpage: number }).rootpage;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = openSync(join(dir, DB_FILE), 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    t = openTestApp({ dir });
    const qc = await quickCheckInWorker(t.app);
    expect(qc.ok).toBe(false);
    expect(qc.problems.join(' ')).toMatch(/parties_case|btree|page/i);
  });
});
