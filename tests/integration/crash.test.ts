import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bundleForNode } from '../helpers/bundle';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { DB_FILE } from '../../src-main/app/app';
import { verifyInThread } from '../../src-main/services/audit/runVerify';

// Crash safety (issue 7; SQLite's atomic commit with WAL and synchronous=FULL): a child process
// files cases in all-or-nothing batches and is killed with SIGKILL at random moments, many times.
// After every kill the file passes integrity_check, no half batch (or half case) is visible, every
// batch the child reported as committed is there, and the audit chain is intact.

const KILLS = Number(process.env.CRASH_KILLS ?? 12);
const BATCH = 20;

let t: TestApp | undefined;
afterEach(async () => t?.close());

function runAndKill(script: string, dir: string, run: number, delayMs: number): Promise<{ committed: number }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [script, dir, String(run), String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let committed = 0;
    let buffer = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const msg = JSON.parse(line) as { ready?: boolean; committed?: number };
        if (msg.ready) setTimeout(() => child.kill('SIGKILL'), delayMs);
        if (msg.committed) committed = msg.committed;
      }
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? ok({ committed }) : fail(new Error(`worker exited without being killed: ${err}`))));
  });
}

describe('SIGKILL in the middle of a batch import', () => {
  it(`leaves a sound database with only whole batches, ${KILLS} times over`, async () => {
    t = openTestApp(); // creates the schema; the workers then write the same file
    const dir = t.dir;
    const script = await bundleForNode('tests/integration/fixtures/crashWorker.ts');
    let expectedAtLeast = 0;
    for (let run = 1; run <= KILLS; run++) {
      const delay = 50 + Math.floor(Math.random() * 900);
      t.app.db.sqlite.pragma('wal_checkpoint(PASSIVE)');
      const { committed } = await runAndKill(script, dir, run, delay);
      expectedAtLeast += committed;
      const sqlite = new Database(join(dir, DB_FILE));
      try {
        const where = `run ${run}, killed after ${delay} ms`;
        expect(sqlite.pragma('integrity_check', { simple: true }), where).toBe('ok');
        const cases = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
        expect(cases % BATCH, `${where}: a half batch is visible`).toBe(0);
        expect(cases, `${where}: committed batches are missing`).toBeGreaterThanOrEqual(expectedAtLeast * BATCH);
        // Every batch that exists is whole: per import run, the case count is a multiple of the batch size.
        for (const r of sqlite.prepare("SELECT created_by, count(*) AS n FROM cases GROUP BY created_by").all() as { created_by: string; n: number }[]) {
          expect(r.n % BATCH, `${where}: ${r.created_by}`).toBe(0);
        }
        // And every case is whole: its parties, interview and events, and serials have no gaps.
        const broken = sqlite
          .prepare(
            `SELECT c.id FROM cases c WHERE (SELECT count(*) FROM parties p WHERE p.case_id = c.id) <> 3
               OR NOT EXISTS (SELECT 1 FROM interviews i WHERE i.case_id = c.id)
               OR (SELECT count(*) FROM case_events e WHERE e.case_id = c.id) <> 2`,
          )
          .all();
        expect(broken, where).toEqual([]);
        const s = sqlite.prepare("SELECT max(serial) AS m, count(*) AS n FROM cases WHERE type = '执'").get() as { m: number | null; n: number };
        expect(s.m ?? 0, where).toBe(s.n);
        expect((sqlite.prepare('SELECT count(*) AS n FROM parties WHERE case_id NOT IN (SELECT id FROM cases)').get() as { n: number }).n).toBe(0);
      } finally {
        sqlite.close();
      }
      const audit = verifyInThread({ file: join(dir, DB_FILE), key: t.app.audit.key, heads: [], checkedAt: new Date().toISOString() });
      expect(audit.firstBroken, `run ${run}`).toBeNull();
      expect(audit.ok).toBe(true);
    }
    expect(expectedAtLeast, 'the kills should land after some commits, not only before the first').toBeGreaterThan(0);
  }, 300_000);
});
