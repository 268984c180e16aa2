import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { bundleForNode } from '../helpers/bundle';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { waitJob } from '../helpers/documents';

// Kill -9 in the middle of a 500-case notice batch, reopen: the register and the files agree (no row
// without its files, no file without its row), and the same batch then runs to the end.
let t: TestApp;
afterEach(async () => t?.close());

function filesUnder(dir: string, root: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('a batch killed mid-way', () => {
  it('leaves register and files in agreement and can be run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-kill-'));
    const [script, worker] = [await bundleForNode('tests/integration/fixtures/documentBatch.ts'), await bundleForNode('src-main/services/documents/worker.ts')];
    process.env.ZHIXING_DOCUMENT_WORKER = worker;
    process.env.ZHIXING_FONTS = 'bundled';
    const child = spawn(process.execPath, [script, dir, '500'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env } });
    let seen = 0;
    const killedAt = await new Promise<number>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          const msg = JSON.parse(line) as { progress?: { done: number; total: number } };
          if (msg.progress && msg.progress.total === 500) seen = msg.progress.done;
          // Partway: some chunks rendered and staged, the register not yet written.
          if (seen >= 150 && child.exitCode === null) {
            child.kill('SIGKILL');
            resolve(seen);
          }
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`child ended before the kill: ${code}`))));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(killedAt).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'documents', '.staging'))).toBe(true);

    t = openTestApp({ dir });
    t.app.clock.set('2026-11-22T02:00:00Z');
    // The interrupted job is recorded as such; the register holds nothing of it.
    const jobs = await t.call('jobs.list', {});
    expect(jobs[0]!.status).toBe('interrupted');
    expect((await t.call('documents.list', {})).total).toBe(0);
    const registered = () => t.app.db.raw<{ p: string }>('SELECT docx_path AS p FROM documents UNION ALL SELECT pdf_path FROM documents UNION ALL SELECT print_path FROM document_batches').map((r) => r.p).sort();
    expect(filesUnder(join(dir, 'documents'), dir)).toEqual(registered());
    expect((await t.call('documents.queue', { limit: 1 })).total).toBe(500);

    // Run it again, to the end this time.
    const ids = t.app.db.raw<{ id: number }>('SELECT id FROM cases ORDER BY id').map((r) => r.id);
    const job = await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令', '限制消费令'] });
    const end = await waitJob(t, job.id, 540_000);
    expect(end.status, JSON.stringify(end.error)).toBe('done');
    expect((await t.call('documents.list', { limit: 1 })).total).toBe(1500);
    const files = filesUnder(join(dir, 'documents'), dir);
    expect(files).toEqual(registered());
    expect(files).toHaveLength(3001);
    expect((await t.call('documents.queue', { limit: 1 })).total).toBe(0);
  }, 600_000);
});
