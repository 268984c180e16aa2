import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { casesInQuery } from '../helpers/inquiries';
import { waitJob } from '../helpers/documents';
import { App } from '../../src-main/app/app';

// The data folder is the court's: cases, identity numbers, documents, exports, backups. Everything
// the app creates in it is readable by its own operating-system account only — folders 0700, files
// 0600 — and a folder left open by an older version is closed at the next start (docs/security.md).

const posix = process.platform !== 'win32';
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

/** Every folder and file under `dir` with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [{ path: dir, dir: true, mode: statSync(dir).mode & 0o777 }];
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const p = join(dir, name);
    const s = statSync(p);
    out.push({ path: p, dir: s.isDirectory(), mode: s.mode & 0o777 });
  }
  return out;
}

describe.runIf(posix)('file modes', () => {
  it('creates the data folder 0700 and every file in it 0600: database, documents, exports, backups, the anchor', async () => {
    const t = openTestApp();
    apps.push(t);
    t.app.clock.set('2026-11-22T02:00:00Z');
    t.user('query', ['docsQuery']);
    const ids = await casesInQuery(t, 2);
    await waitJob(t, (await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书'] })).id);
    const batch = await t.call('inquiries.createBatch', { caseIds: ids, categories: ['deposit'] }, 'query');
    await t.call('inquiries.exportRequest', { batchId: batch.id, format: 'csv' }, 'query');
    await t.call('inquiries.exportRequest', { batchId: batch.id, format: 'xlsx' }, 'query');
    await t.call('backups.create', {});
    await t.call('audit.verify', {});
    await new Promise((ok) => setTimeout(ok, 500));
    const all = modes(t.dir);
    // The kinds of file the issue names are all there, so the check below covers them.
    const names = all.map((e) => e.path.slice(t.dir.length));
    for (const expected of [/^\/zhixing\.sqlite$/, /^\/zhixing\.sqlite-wal$/, /^\/documents\/.+\.(pdf|docx)$/, /^\/exports\/inquiries\/.+\.csv$/, /^\/exports\/inquiries\/.+\.xlsx$/, /^\/backups\/.+\.sqlite$/, /^\/backups\/.+\.json$/, /^\/audit-anchor\.json$/]) {
      expect(names.some((n) => expected.test(n)), String(expected)).toBe(true);
    }
    for (const e of all) expect(e.mode.toString(8), e.path).toBe(e.dir ? '700' : '600');
  });

  it('closes a data folder and database an older version left readable to others', async () => {
    const t = openTestApp({ keep: true });
    await t.close();
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-old-'));
    copyFileSync(join(t.dir, 'zhixing.sqlite'), join(dir, 'zhixing.sqlite'));
    rmSync(t.dir, { recursive: true, force: true });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'zhixing.sqlite'), 0o644);
    const app = new App({ dataDir: dir, mode: 'web', quiet: true });
    try {
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(join(dir, 'zhixing.sqlite')).mode & 0o777).toString(8)).toBe('600');
      // And what it writes from now on is private too.
      mkdirSync(join(dir, 'probe'));
      writeFileSync(join(dir, 'probe', 'f'), 'x');
      expect((statSync(join(dir, 'probe')).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(join(dir, 'probe', 'f')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
