import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs, { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { waitJob } from '../helpers/documents';
import { DB_FILE } from '../../src-main/app/app';
import { signers } from '../helpers/inquiries';

// A full disk: the data folder on a 30 MB tmpfs (the way a court PC's disk fills up), or — where
// this process may not mount one — ENOSPC injected at the file-system boundary. A batch that runs
// out of space fails as a job with "磁盘空间不足" and no file names, and its staging files are gone
// at once (not at the next start); a write through the API and a backup say the same; nothing is
// left half-written and the database stays whole.

let mountPoint: string | null = null;
let root: string;

// Rendering as the app does it, in worker threads, when the build is there (npm test builds first):
// chunks then write in parallel, which is how a failed batch used to leave files behind. (Injected
// ENOSPC reaches this thread only, so that way rendering stays in-thread.)
const builtWorker = resolve('out/main/documentWorker.js');

beforeAll(() => {
  const point = mkdtempSync(join(tmpdir(), 'zhixing-tmpfs-'));
  try {
    if (process.env.ZHIXING_TEST_NO_MOUNT) throw new Error('asked not to mount');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=30m', 'tmpfs', point], { stdio: 'ignore' });
    mountPoint = point;
    root = point;
    if (existsSync(builtWorker)) process.env.ZHIXING_DOCUMENT_WORKER = builtWorker;
  } catch {
    root = point; // not allowed to mount here: ENOSPC is injected instead (see fillDisk)
  }
});

afterAll(() => {
  if (mountPoint) execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
  restoreFs?.();
  rmSync(root, { recursive: true, force: true });
});

let restoreFs: (() => void) | null = null;

/** Leaves about `leaveBytes` free on the tmpfs; without one, makes every write inside `dir` fail with ENOSPC once `leaveBytes` more were written. */
function fillDisk(dir: string, leaveBytes: number): void {
  if (mountPoint) {
    const st = statfsSync(mountPoint);
    const free = st.bavail * st.bsize;
    if (free > leaveBytes) writeFileSync(join(mountPoint, `filler-${Date.now()}`), Buffer.alloc(free - leaveBytes));
    return;
  }
  let budget = leaveBytes;
  const enospc = (path: unknown) => Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const original = { writeFileSync: fs.writeFileSync, writeSync: fs.writeSync };
  fs.writeFileSync = ((path: unknown, data: unknown, ...rest: unknown[]) => {
    if (String(path).startsWith(dir)) {
      budget -= Buffer.byteLength(data as string);
      if (budget < 0) throw enospc(path);
    }
    return (original.writeFileSync as (...a: unknown[]) => unknown)(path, data, ...rest);
  }) as typeof fs.writeFileSync;
  syncBuiltinESMExports();
  restoreFs = () => {
    fs.writeFileSync = original.writeFileSync;
    syncBuiltinESMExports();
  };
}

let seq = 0;
async function fileCases(t: TestApp, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    seq++;
    const c = await t.call(
      'cases.file',
      sampleDraft({
        title: { court: '开鲁县人民法院', number: `（2026）内0523民初${8000 + seq}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷', kind: '民事判决书', ordered: `被告被执行人${seq}于本判决生效之日起十日内偿还原告借款` },
        debtors: [{ kind: 'person', name: `被执行人${seq}`, idNumber: makeId('19840404', seq) }],
        confirmDuplicate: true,
      }),
    );
    ids.push(c.id);
  }
  // What their documents need besides the filing: signing officers and the bank's case accounts.
  await signers(t, ids);
  return ids;
}

const noPath = (message: string) => expect(message).not.toMatch(/\/|\\|ENOSPC|SQLITE|zhixing/);

describe('a full disk', () => {
  it('fails a batch with 磁盘空间不足, leaves no staging files behind, and refuses writes and backups the same way', async () => {
    const dir = join(root, 'data');
    mkdirSync(dir);
    const t = openTestApp({ dir, keep: true });
    try {
      t.app.clock.set('2026-11-22T02:00:00Z');
      const ids = await fileCases(t, 40);
      const before = await t.call('cases.list', { limit: 1 });
      fillDisk(dir, 1_500_000);

      const job = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令', '限制消费令'] })).id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatchObject({ code: 'disk_full' });
      expect(job.error!.message).toContain('磁盘空间不足');
      noPath(job.error!.message);
      // At once, not at the next start: nothing staged, nothing in place, nothing registered — and
      // nothing written a little later by a render thread that was still busy when the job failed.
      await new Promise((r) => setTimeout(r, 3000));
      const staging = join(dir, 'documents', '.staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
      expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM documents')[0]!.n).toBe(0);
      const files = existsSync(join(dir, 'documents')) ? readdirSync(join(dir, 'documents'), { recursive: true }).map(String).filter((f) => !f.startsWith('.staging')) : [];
      expect(files).toEqual([]);

      // Now nothing at all is left: a filing through the API, and a backup. (The WAL is emptied first:
      // otherwise a small write fits in the WAL file's old frames and needs no new space.)
      t.app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fillDisk(dir, 0);
      // (SQLite writes outside JavaScript: only a real full disk refuses them, so only with the tmpfs.)
      if (mountPoint) {
        const filing = await t.fail('cases.file', sampleDraft({ confirmDuplicate: true, title: { court: '开鲁县人民法院', number: '（2026）内0523民初9999号', effectiveOn: '2026-09-01', cause: '借款合同纠纷' } }));
        expect(filing.code).toBe('disk_full');
        expect(filing.message).toContain('磁盘空间不足');
        noPath(filing.message);
      }
      const backup = await t.fail('backups.create', {});
      expect(backup.code).toBe('disk_full');
      expect(backup.message).toMatch(/^备份失败：磁盘空间不足/);
      noPath(backup.message);
      expect(readdirSync(join(dir, 'backups'))).toEqual([]);
      expect((await t.call('cases.list', { limit: 1 })).total).toBe(before.total);
    } finally {
      await t.close();
    }
    // The database is whole.
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(40);
    db.close();
  }, 180_000);
});
