import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bundleForNode } from '../helpers/bundle';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';

let t: TestApp;
afterEach(async () => t?.close());

describe('filing a case on a real SQLite file', () => {
  it('assigns （year）court执serial号 and shows the case in the register', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft());
    expect(c.number).toBe('（2026）内0523执1号');
    expect(c.stage).toBe('filed');
    expect(c.claim.principalFen).toBe(12345600);
    expect(c.parties.map((p) => p.name)).toEqual(['张三', '开鲁县某商贸有限公司']);
    // The birth date is the ID's hidden digits: masked in the answer, in full through the logged reveal.
    expect(c.parties[0]!.birthDate).toBe('****-**-**');
    expect((await t.call('cases.reveal', { caseId: c.id })).parties.find((p) => p.id === c.parties[0]!.id)!.birthDate).toBe('1985-03-17');
    expect(c.events.map((e) => e.type)).toEqual(['case.filed']);
    const list = await t.call('cases.list', { filter: { text: '商贸' } });
    expect(list.total).toBe(1);
    expect(list.rows[0]!.number).toBe(c.number);
    const c2 = await t.call('cases.file', sampleDraft({ title: { court: '开鲁县人民法院', number: '（2026）内0523民初101号', effectiveOn: '2026-09-01', cause: '借款合同纠纷' } }));
    expect(c2.number).toBe('（2026）内0523执2号');
  });

  it('refuses a wrong ID number at its field and writes nothing', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const bad = sampleDraft({ applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171234' }] });
    const err = await t.fail('cases.file', bad);
    expect(err.code).toBe('invalid_input');
    expect(err.field).toBe('applicants.0.idNumber');
    expect(err.message).toMatch(/校验/);
    const n = t.app.db.raw<{ n: number }>('SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM parties) + (SELECT count(*) FROM case_events WHERE case_id IS NOT NULL) + (SELECT count(*) FROM case_serials) AS n')[0]!.n;
    expect(n).toBe(0);
  });

  it('names the path of a schema error, e.g. debtors.0.creditCode', async () => {
    t = openTestApp();
    const d = sampleDraft();
    (d.debtors[0] as { creditCode?: string }).creditCode = '91150523MA0N4B2K6X';
    const err = await t.fail('cases.file', d);
    expect(err.field).toBe('debtors.0.creditCode');
  });

  it('warns on a second filing of the same title against the same debtor and files it only when confirmed', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('cases.file', sampleDraft());
    const err = await t.fail('cases.file', sampleDraft());
    expect(err.code).toBe('needs_confirmation');
    expect(err.field).toBe('title.number');
    const c = await t.call('cases.file', sampleDraft({ confirmDuplicate: true }));
    expect(c.number).toBe('（2026）内0523执2号');
  });

  it('keeps a migrated case number and never hands its serial out again', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const m = await t.call('cases.file', sampleDraft({ existingNumber: '(2026)内0523执5号' }));
    expect(m.number).toBe('（2026）内0523执5号');
    expect(m.migrated).toBe(true);
    const next = await t.call('cases.file', sampleDraft({ confirmDuplicate: true }));
    expect(next.number).toBe('（2026）内0523执6号');
    const err = await t.fail('cases.file', sampleDraft({ existingNumber: '（2026）蒙0523执7号', confirmDuplicate: true }));
    expect(err.field).toBe('existingNumber');
  });

  it('keeps separate serial sequences per type and year', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const a = await t.call('cases.file', sampleDraft({ type: '执保' }));
    const b = await t.call('cases.file', sampleDraft({ filedOn: '2025-12-30', title: { court: '开鲁县人民法院', number: '（2025）内0523民初9号', effectiveOn: '2025-10-01', cause: '借款合同纠纷' }, debtors: [{ kind: 'person', name: '王五', idNumber: makeId('19900101', 456) }] }));
    expect(a.number).toBe('（2026）内0523执保1号');
    expect(b.number).toBe('（2025）内0523执1号');
  });
});

describe('two clerks filing at once', () => {
  it('gives two processes writing the same file distinct, gap-free serials', async () => {
    t = openTestApp();
    const script = await bundleForNode('tests/integration/fixtures/fileCases.ts');
    const run = promisify(execFile);
    const [a, b] = await Promise.all([run(process.execPath, [script, t.dir, '40', '1']), run(process.execPath, [script, t.dir, '40', '2'])]);
    const numbers = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as string[];
    const serials = numbers.map((n) => Number(/执(\d+)号/.exec(n)![1])).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n).toBe(80);
  }, 120_000);
});
