import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { close, event, file, rng, dateBetween } from '../helpers/metricsData';
import { exportsRoot } from '../../src-main/services/reports/exportMonthly';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps) await a.close();
  apps = [];
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A court with a small year of cases; `seed` varies the data between courts. */
async function court(seed: number, name: string, code: string): Promise<TestApp> {
  const t = openTestApp();
  apps.push(t);
  t.app.clock.set('2026-12-02T02:00:00Z');
  await t.call('settings.set', { courtName: name, courtCode: code });
  const db = t.app.db;
  const r = rng(seed);
  db.tx(() => {
    for (let i = 0; i < 60; i++) {
      const f = dateBetween(r, '2026-06-01', '2026-11-30');
      const id = file(db, { filedOn: f, claimFen: 100_000 + Math.floor(r() * 1_000_000), debtorName: i % 2 ? '王小明' : undefined });
      if (r() < 0.7) close(db, id, dateBetween(r, f, '2026-11-30'), r() < 0.5 ? '执行完毕' : '终结本次执行程序', Math.floor(r() * 100_000));
      if (r() < 0.3) event(db, id, 'ledger.receipt', f, { entryId: i + 1, amountFen: 5000, source: 'online' });
    }
  });
  return t;
}

async function exportAndRead(t: TestApp, periodCode: string) {
  const job = await t.call('reports.exportMonthly', { periodCode });
  await t.app.jobs.idle();
  const done = await t.call('jobs.get', { id: job.id });
  expect(done.status).toBe('done');
  const { folder } = done.result as { folder: string };
  const dir = join(exportsRoot(t.dir), folder);
  const files = readdirSync(dir).sort();
  return { dir, files, data: new Map(files.map((f) => [f, readFileSync(join(dir, f))])) };
}

const upload = (sets: Map<string, Buffer>[]) => ({ files: sets.flatMap((m) => [...m].map(([name, b]) => ({ name, dataBase64: b.toString('base64') }))) });

describe('the monthly export upward and the city level', () => {
  it('writes JSON + xlsx + manifest as a job, byte-identical for the same data, and records who sent which period', async () => {
    const t = await court(1, '开鲁县人民法院', '内0523');
    const a = await exportAndRead(t, '202611');
    expect(a.files).toEqual(['内0523_202611_manifest.json', '内0523_202611_metrics.json', '内0523_202611_metrics.xlsx']);
    const manifest = JSON.parse(a.data.get('内0523_202611_manifest.json')!.toString());
    for (const f of manifest.files) expect(sha(a.data.get(f.name)!)).toBe(f.sha256);
    const doc = JSON.parse(a.data.get('内0523_202611_metrics.json')!.toString());
    expect(doc).toMatchObject({ format: 'zhixing-metrics-export', formatVersion: 1, court: { code: '内0523', name: '开鲁县人民法院' }, period: { code: '202611' } });
    const live = await t.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 11 } });
    expect(doc.figures).toEqual(live.figures);
    // Personal data minimised: natural persons' names reduced, ID numbers cut to the area code.
    const text = a.data.get('内0523_202611_metrics.json')!.toString();
    expect(text).not.toContain('王小明');
    expect(text).not.toMatch(/15052319900101\d{3}[\dX]/);
    expect(text).toContain('王某');
    expect(text).toContain('150523************');
    const zip = await JSZip.loadAsync(a.data.get('内0523_202611_metrics.xlsx')!);
    expect(Object.keys(zip.files)).toContain('xl/workbook.xml');

    t.app.clock.set('2026-12-03T02:00:00Z');
    const b = await exportAndRead(t, '202611');
    // The data files are byte-identical; the manifest differs only in the audit log head it
    // publishes (the first export's own event came in between).
    const manifestName = '内0523_202611_manifest.json';
    for (const f of a.files.filter((f) => f !== manifestName)) expect(b.data.get(f)!.equals(a.data.get(f)!)).toBe(true);
    const [ma, mb] = [a, b].map((x) => JSON.parse(x.data.get(manifestName)!.toString()) as { auditHead: { id: number; mac: string } });
    expect(mb!.auditHead.id).toBeGreaterThan(ma!.auditHead.id);
    expect({ ...mb, auditHead: null }).toEqual({ ...ma, auditHead: null });
    const history = await t.call('reports.exports', {});
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ periodCode: '202611', courtCode: '内0523', createdBy: '系统管理员' });
    const events = t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'report.exported'")[0]!.n;
    expect(events).toBe(2);
    const q = await exportAndRead(t, '2026Q4');
    expect(q.files[0]).toBe('内0523_2026Q4_manifest.json');
    const err = await t.fail('reports.exportMonthly', { periodCode: '2026-11' });
    expect(err).toMatchObject({ code: 'invalid_input', field: 'periodCode' });
  });

  it('round-trips through city import with the same figures, ranks Σnumerator/Σdenominator, and names a tampered figure or a broken manifest', async () => {
    const c1 = await court(1, '开鲁县人民法院', '内0523');
    const c2 = await court(2, '科尔沁区人民法院', '内0502');
    const e1 = await exportAndRead(c1, '202611');
    const e2 = await exportAndRead(c2, '202611');
    const city = openTestApp();
    apps.push(city);
    city.app.clock.set('2026-12-05T02:00:00Z');
    const r = await city.call('city.import', upload([e1.data, e2.data]));
    expect(r.courts.map((c) => [c.courtCode, c.status])).toEqual([['内0502', 'ok'], ['内0523', 'ok']]);
    const rk = await city.call('city.ranking', { periodCode: '202611' });
    const cr = rk.metrics.find((m) => m.metricId === 'closureRate' && m.column === 'main')!;
    const f1 = (await c1.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 11 } })).figures.find((f) => f.metricId === 'closureRate' && f.column === 'main')!;
    const f2 = (await c2.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 11 } })).figures.find((f) => f.metricId === 'closureRate' && f.column === 'main')!;
    expect(cr.courts.find((c) => c.courtCode === '内0523')!.value).toBe(f1.value);
    expect(cr.courts.find((c) => c.courtCode === '内0502')!.value).toBe(f2.value);
    expect(cr.city.numerator).toBe(f1.numerator + f2.numerator);
    expect(cr.city.denominator).toBe(f1.denominator! + f2.denominator!);
    expect(cr.city.value).toBe(Math.round(((f1.numerator + f2.numerator) / (f1.denominator! + f2.denominator!)) * 10000) / 100);
    expect(rk.scores).toBeNull();
    expect(cr.courts.every((c) => c.rank === null && c.inRange === null)).toBe(true);
    const drill = await city.call('city.drilldown', { importId: r.courts.find((c) => c.courtCode === '内0523')!.importId, metricId: 'closureRate', column: 'main', side: 'numerator' });
    expect(drill.total).toBe(f1.numerator);

    // Ranges, ranking and weights are the city's settings; nothing is shipped.
    const s = await city.call('settings.get', {});
    await city.call('settings.set', { city: { ...s.city, rankingEnabled: true, ranges: { closureRate: { min: 60, max: null } }, weights: { closureRate: 2, firstAvgDays: 1 } } });
    const rk2 = await city.call('city.ranking', { periodCode: '202611' });
    const cr2 = rk2.metrics.find((m) => m.metricId === 'closureRate' && m.column === 'main')!;
    const best = cr2.courts.reduce((a, b) => ((a.value ?? -1) >= (b.value ?? -1) ? a : b));
    expect(best.rank).toBe(1);
    expect(cr2.courts.every((c) => c.inRange === (c.value! >= 60))).toBe(true);
    expect(rk2.scores).toHaveLength(2);

    // A figure changed after export, manifest updated to match: the rows give it away.
    const jsonName = '内0523_202611_metrics.json';
    const doc = JSON.parse(e1.data.get(jsonName)!.toString());
    const fig = doc.figures.find((f: { metricId: string; column: string }) => f.metricId === 'closureRate' && f.column === 'main');
    fig.value = 99.99;
    const tampered = new Map(e1.data);
    tampered.set(jsonName, Buffer.from(`${JSON.stringify(doc, null, 1)}\n`));
    const man = JSON.parse(e1.data.get('内0523_202611_manifest.json')!.toString());
    const entry = man.files.find((f: { name: string }) => f.name === jsonName);
    entry.sha256 = sha(tampered.get(jsonName)!);
    entry.bytes = tampered.get(jsonName)!.length;
    tampered.set('内0523_202611_manifest.json', Buffer.from(JSON.stringify(man)));
    const t1 = await city.call('city.import', upload([tampered]));
    expect(t1.courts[0]!.status).toBe('flagged');
    expect(t1.courts[0]!.problems).toEqual([expect.objectContaining({ kind: 'figure', metricId: 'closureRate', column: 'main', message: expect.stringContaining('执结率') })]);

    // The same change without touching the manifest: the hash names the file.
    const broken = new Map(e1.data);
    broken.set(jsonName, tampered.get(jsonName)!);
    const t2 = await city.call('city.import', upload([broken]));
    expect(t2.courts[0]!.status).toBe('rejected');
    expect(t2.courts[0]!.problems[0]).toMatchObject({ kind: 'file', file: jsonName });
    expect(t2.courts[0]!.problems[0]!.message).toContain('SHA-256');
    const missing = new Map(e1.data);
    missing.delete('内0523_202611_metrics.xlsx');
    const t3 = await city.call('city.import', upload([missing]));
    expect(t3.courts[0]!.problems[0]).toMatchObject({ kind: 'file', file: '内0523_202611_metrics.xlsx' });
    // The ranking still uses the latest good import of each court (the flagged one, recomputed from its rows).
    const rk3 = await city.call('city.ranking', { periodCode: '202611' });
    expect(rk3.metrics.find((m) => m.metricId === 'closureRate' && m.column === 'main')!.courts.find((c) => c.courtCode === '内0523')!.value).toBe(f1.value);
    // An empty file is refused at its own field now (fileContent), before the manifest search.
    const empty = await city.fail('city.import', { files: [{ name: 'a.json', dataBase64: '' }] });
    expect(empty).toMatchObject({ code: 'invalid_input', field: 'files.0.dataBase64', message: '文件内容为空' });
    const none = await city.fail('city.import', { files: [{ name: 'a.json', dataBase64: Buffer.from('{}').toString('base64') }] });
    expect(none).toMatchObject({ code: 'invalid_input', field: 'files' });
  });

  it('prints the dashboard as PDF and exports it as xlsx', async () => {
    const t = await court(3, '开鲁县人民法院', '内0523');
    const d = await t.call('metrics.dashboard', { period: { kind: 'month', year: 2026, month: 11 } });
    expect(d.cards.find((c) => c.metricId === 'closureRate')!.value).not.toBeNull();
    expect(d.trend).toHaveLength(12);
    expect(d.trend[11]!.code).toBe('202611');
    expect(d.deadlines.available === true || d.deadlines.note.length > 0).toBe(true);
    const { dashboardPdfBuffer } = await import('../../src-main/services/reports/dashboardPdf');
    const pdf = await dashboardPdfBuffer(d);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('执结率');
    expect(text).toContain('2026年11月');
    const { dashboardXlsxBuffer } = await import('../../src-main/services/reports/dashboardXlsx');
    const zip = await JSZip.loadAsync(await dashboardXlsxBuffer(d));
    const sheet1 = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sheet1).toContain('执结率');
  });
});
