import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { verifyAudit } from '../helpers/audit';
import { readPdf } from '../helpers/documents';
import { bundleForNode } from '../helpers/bundle';
import { makeId, sampleDraft } from '../helpers/drafts';
import { App, DB_FILE } from '../../src-main/app/app';
import { AUDIT_ANCHOR_FILE } from '../../src-main/services/audit/heads';
import { RESTORE_STAGING } from '../../src-main/services/backups/restore';
import { exportsRoot } from '../../src-main/services/reports/exportMonthly';
import { waitJob } from '../helpers/documents';

// The log's head published where a file editor cannot undo it — backup sidecars, report manifests,
// the daily 审计封存单 (and the anchor) — and the backups themselves: only the app's own, intact
// backups are offered for restore, and a restore is recorded in the restored data before it shows.

let t: TestApp | undefined;
const extra: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const x of extra.splice(0)) await x.close();
});

let seq = 0;
async function file(t: TestApp): Promise<number> {
  seq++;
  const c = await t.call(
    'cases.file',
    sampleDraft({
      title: { court: '开鲁县人民法院', number: `（2026）内0523民初${5000 + seq}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷' },
      debtors: [{ kind: 'person', name: `被执行人${seq}`, idNumber: makeId('19820202', seq) }],
      confirmDuplicate: true,
    }),
  );
  return c.id;
}

/** The tamperer's cut: guards dropped, rows after `keep` deleted, guards back with the same text. */
function cutAfter(t: TestApp, keep: number): void {
  const s = t.app.db.sqlite;
  const sql = s.prepare("SELECT sql FROM sqlite_schema WHERE name = 'case_events_no_delete'").pluck().get() as string;
  s.exec('DROP TRIGGER case_events_no_delete');
  s.prepare('DELETE FROM case_events WHERE id > ?').run(keep);
  s.exec(sql);
}

const lastId = (t: TestApp) => t.app.db.raw<{ id: number }>('SELECT max(id) AS id FROM case_events')[0]!.id;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('published heads', () => {
  it('places a cut tail by a backup sidecar when the anchor was deleted, and by it too when the anchor was forged', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 3; i++) await file(t);
    expect((await verifyAudit(t)).ok).toBe(true);
    const backup = await t.call('backups.create', {});
    const sidecar = JSON.parse(readFileSync(join(t.dir, 'backups', `${backup.name}.json`), 'utf8')) as { auditHead: { id: number }; sha256: string; signature: string };
    expect(sidecar.auditHead.id).toBe(lastId(t) - 1); // the backup's own event follows the copy
    expect(sidecar.sha256).toBe(sha(readFileSync(join(t.dir, 'backups', backup.name))));
    await file(t);
    const keep = sidecar.auditHead.id - 2;
    cutAfter(t, keep);
    rmSync(join(t.dir, AUDIT_ANCHOR_FILE));
    let r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ table: 'case_events', id: keep + 1 });
    expect(r.firstBroken!.reason).toContain(`备份 ${backup.name} 的说明文件`);
    expect(existsSync(join(t.dir, AUDIT_ANCHOR_FILE))).toBe(false); // not re-created over the cut

    // A forged anchor at the new end changes nothing: it is reported, and the sidecar still places the cut.
    const last = t.app.db.raw<{ hash: string }>('SELECT hash FROM case_events WHERE id = ?', keep)[0]!.hash;
    writeFileSync(join(t.dir, AUDIT_ANCHOR_FILE), JSON.stringify({ chain: last, branch: { id: 1, hash: last }, id: keep, hash: last, at: '2026-11-22T02:00:00.000Z', mac: last }));
    r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ id: keep + 1 });
    expect(r.problems.map((p) => p.reason).join('\n')).toMatch(/锚点文件 audit-anchor\.json的签名与审计密钥不符/);
  });

  it('prints the daily 审计封存单 (PDF), checks the log against it, and against its numbers typed back in', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 3; i++) await file(t);
    t.user('boss', ['management']);
    // boss signs in first (the login is an event of the log): the slip seals the head after it.
    await t.call('audit.slips', {}, 'boss');
    const head = lastId(t);
    const hash = t.app.db.raw<{ hash: string }>('SELECT hash FROM case_events WHERE id = ?', head)[0]!.hash;
    const pdf = (await t.call('audit.slip', {}, 'boss')) as unknown as { path: string; fileName: string };
    expect(pdf.fileName).toBe('审计封存单-2026-11-22.pdf');
    const text = (await readPdf(pdf.path)).text.replace(/\s+/g, '');
    for (const part of ['开鲁县人民法院', '审计封存单', '2026-11-22', `第${head}条记录`, hash.slice(0, 16), hash.slice(48), '监督人签字', t.app.audit.keyId!]) expect(text).toContain(part);
    // The same slip on a second call; the act is in the log.
    const again = (await t.call('audit.slip', { date: '2026-11-22' }, 'boss')) as unknown as { path: string };
    expect(readFileSync(again.path).equals(readFileSync(pdf.path))).toBe(true);
    expect(t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'audit.sealed'")[0]!.n).toBe(1);
    expect(await t.call('audit.slips', {}, 'boss')).toEqual([expect.objectContaining({ date: '2026-11-22', headId: head, hash })]);
    expect((await t.fail('audit.slip', { date: '2026-11-01' }, 'boss')).code).toBe('not_found');

    // Typed back in from the paper: matches now.
    expect((await verifyAudit(t, 'admin', { check: { id: head, hash: hash.slice(0, 16) } })).ok).toBe(true);
    const bad = await verifyAudit(t, 'admin', { check: { id: head, hash: 'f'.repeat(16) } });
    expect(bad.firstBroken).toMatchObject({ id: head });
    expect(bad.firstBroken!.reason).toMatch(/输入的封存单.*日志被改写/);

    // Cut below the slip's head, anchor deleted too: the slip's record places it.
    await file(t);
    cutAfter(t, head - 2);
    rmSync(join(t.dir, AUDIT_ANCHOR_FILE), { force: true });
    const r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ id: head - 1 });
    expect(r.firstBroken!.reason).toContain('审计封存单 审计封存单-2026-11-22');
    // And the paper itself, typed in, even if the slip's file had been deleted as well.
    rmSync(join(t.dir, 'audit'), { recursive: true });
    rmSync(join(t.dir, 'backups'), { recursive: true, force: true });
    const paper = await verifyAudit(t, 'admin', { check: { id: head, hash: hash.slice(0, 16) } });
    expect(paper.firstBroken).toMatchObject({ id: head - 1 });
    expect(paper.firstBroken!.reason).toMatch(/输入的封存单.*截去/);
  });

  it('publishes the head in each monthly report manifest, and holds the log against it', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 3; i++) await file(t);
    const job = await waitJob(t, (await t.call('reports.exportMonthly', { periodCode: '202611' })).id);
    const folder = join(exportsRoot(t.dir), (job.result as { folder: string }).folder);
    const manifest = JSON.parse(readFileSync(join(folder, '内0523_202611_manifest.json'), 'utf8')) as { auditHead: { id: number; hash: string; mac: string } };
    expect(manifest.auditHead.id).toBe(lastId(t) - 1); // the export's own event follows it
    expect((await verifyAudit(t)).heads).toMatchObject({ found: 2, matched: 2, setAside: 0 }); // the manifest and the anchor
    cutAfter(t, manifest.auditHead.id - 1);
    rmSync(join(t.dir, AUDIT_ANCHOR_FILE));
    const r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ id: manifest.auditHead.id });
    expect(r.firstBroken!.reason).toContain('上报文件');
  });

  it('keeps a restore from looking like a cut: heads of the replaced data are set aside, those of the kept part still hold', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 2; i++) await file(t);
    const b = await t.call('backups.create', {});
    for (let i = 0; i < 3; i++) await file(t);
    await t.call('backups.create', {});
    expect((await verifyAudit(t)).ok).toBe(true);
    await t.call('backups.restore', { name: b.name });
    const r = await verifyAudit(t);
    expect(r.problems).toEqual([]);
    // The restored backup's own head still holds, and so does the anchor the re-verification after
    // the restore wrote; the later backup and the pre-restore safety copy belong to the data the
    // restore replaced.
    expect(r.heads).toMatchObject({ found: 4, matched: 2, setAside: 2 });
    // The restore is in the restored log, right after the backup's own last row.
    const restored = t.app.db.raw<{ id: number; payload: string }>("SELECT id, payload FROM case_events WHERE type = 'backup.restored'");
    expect(restored).toHaveLength(1);
    const fromHead = (JSON.parse(restored[0]!.payload) as { fromHead: { id: number } }).fromHead;
    expect(restored[0]!.id).toBe(fromHead.id + 1);
  });
});

describe('which backups are offered for restore', () => {
  it('lists a planted backup with a forged sidecar as not restorable, refuses it, and never offers it', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await file(t);
    const genuine = await t.call('backups.create', {});
    const folder = join(t.dir, 'backups');
    // The tamperer's copy: the same database with an extra administrator, dated later so it sorts first.
    const planted = 'zhixing-2026-11-23T02-00-00-000Z-manual.sqlite';
    copyFileSync(join(folder, genuine.name), join(folder, planted));
    const p = new Database(join(folder, planted));
    p.prepare("INSERT INTO users (username, display_name, password_hash, roles, created_at) VALUES ('mole', '内鬼', '!unset', '[\"admin\"]', '2026-11-23T02:00:00Z')").run();
    p.close();
    const side = JSON.parse(readFileSync(join(folder, `${genuine.name}.json`), 'utf8')) as Record<string, unknown>;
    const forged = { ...side, name: planted, createdAt: '2026-11-23T02:00:00.000Z', sha256: sha(readFileSync(join(folder, planted))), signature: sha(Buffer.from('guess')) };
    writeFileSync(join(folder, `${planted}.json`), JSON.stringify(forged));
    // And a genuine sidecar copied beside another planted file.
    const copied = 'zhixing-2026-11-24T02-00-00-000Z-daily.sqlite';
    copyFileSync(join(folder, planted), join(folder, copied));
    writeFileSync(join(folder, `${copied}.json`), JSON.stringify(side));

    const list = (await t.call('backups.list', {})).backups;
    expect(list.map((b) => [b.name, b.verified])).toEqual([
      [planted, false],
      [copied, false],
      [genuine.name, true],
    ]);
    expect(list[0]!.problem).toMatch(/签名与审计密钥不符/);
    expect(list[1]!.problem).toMatch(/说明文件属于另一个备份/);
    expect((await t.call('system.health', {})).latestBackup?.name).toBe(genuine.name);
    for (const name of [planted, copied]) {
      const err = await t.fail('backups.restore', { name });
      expect(err.code).toBe('conflict');
      expect(err.message).toContain('未通过校验');
    }
    expect(t.app.db.raw("SELECT 1 FROM users WHERE username = 'mole'")).toEqual([]);
    // The genuine backup, changed on disk after it was written, is no longer offered either.
    const fd = new Database(join(folder, genuine.name));
    fd.prepare("UPDATE users SET display_name = '改' WHERE username = 'admin'").run();
    fd.close();
    const after = (await t.call('backups.list', {})).backups.find((b) => b.name === genuine.name)!;
    expect(after).toMatchObject({ verified: false });
    expect(after.problem).toMatch(/校验值/);
    // The forged sidecar's head is a forged witness, reported by audit.verify.
    const reasons = (await verifyAudit(t)).problems.map((x) => x.reason).join('\n');
    expect(reasons).toContain(`备份 ${planted} 的说明文件：说明文件的签名与审计密钥不符`);
    expect(reasons).toContain(`备份 ${copied} 的说明文件：说明文件属于另一个备份`);
  });
});

describe('killed backups and restores', () => {
  it('records the restore in the restored data before it shows: a kill at any moment leaves the old data, or the restored data with its event', async () => {
    const script = await bundleForNode('tests/integration/fixtures/restoreWorker.ts');
    t = openTestApp({ keep: true });
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 3; i++) await file(t);
    const b = await t.call('backups.create', {});
    const dir = t.dir;
    await t.close();
    t = undefined;
    let restoredRuns = 0;
    const delays = [0, 15, 30, 45, 60, 80, 110, 150, 220, 5000];
    for (const [run, delay] of delays.entries()) {
      // A marker only the current (old) data has.
      const a = new App({ dataDir: dir, mode: 'web', quiet: true, exclusive: true });
      // Whatever a previous kill left half-done is gone before anything else happens.
      expect(existsSync(join(dir, RESTORE_STAGING))).toBe(false);
      expect(readdirSync(join(dir, 'backups')).filter((n) => n.includes('.partial'))).toEqual([]);
      const marker = `marker-${run}`;
      a.db.tx(() => a.db.rawRun("INSERT INTO meta (key, value) VALUES (?, '1')", marker));
      await a.close();

      await new Promise<void>((ok, fail) => {
        const child = spawn(process.execPath, [script, dir, b.name], { stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          if (c.toString().includes('"ready"')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? ok() : fail(new Error(`restore child exited ${code}: ${err}`))));
      });

      const db = new Database(join(dir, DB_FILE), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const old = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(marker) !== undefined;
        const events = db.prepare("SELECT payload FROM case_events WHERE type = 'backup.restored'").all() as { payload: string }[];
        if (old) {
          // Nothing of the restore is visible (a preRestore backup of the old data may have been made).
          expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 3 + 0 });
        } else {
          restoredRuns++;
          expect(events.map((e) => (JSON.parse(e.payload) as { from: string }).from), `run ${run} (${delay} ms)`).toEqual([b.name]);
        }
      } finally {
        db.close();
      }
    }
    expect(restoredRuns).toBeGreaterThan(0);
    const a = new App({ dataDir: dir, mode: 'web', quiet: true, exclusive: true });
    extra.push(a);
    expect(existsSync(join(dir, RESTORE_STAGING))).toBe(false);
  }, 180_000);

  it('removes the .partial file of a killed backup, and its -shm and -wal, at the next start', async () => {
    t = openTestApp({ keep: true });
    await file(t);
    const dir = t.dir;
    await t.close();
    t = undefined;
    writeFileSync(join(dir, 'backups', 'zhixing-2026-11-22T02-00-00-000Z-daily.sqlite.partial'), 'half a copy');
    // What SQLite keeps beside a file it writes, left there by the kill too.
    writeFileSync(join(dir, 'backups', 'zhixing-2026-11-22T02-00-00-000Z-daily.sqlite.partial-shm'), 'its shared memory');
    writeFileSync(join(dir, 'backups', 'zhixing-2026-11-22T02-00-00-000Z-daily.sqlite.partial-wal'), 'its log');
    writeFileSync(join(dir, RESTORE_STAGING), 'half a restore');
    const a = new App({ dataDir: dir, mode: 'web', quiet: true, exclusive: true });
    extra.push(a);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    expect(existsSync(join(dir, RESTORE_STAGING))).toBe(false);
  });
});
