import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { MAX_LEDGER_ENTRIES_PER_CASE } from '../../src-shared/domain/money';

// Input hygiene through the real registry (docs/security.md): each input the attack got stored —
// zero-width characters hiding a duplicate filing, NUL, right-to-left overrides and lone surrogates
// in names, 0001-01-01, amounts whose sum is no longer exact, type errors answered "必填项不能为空".

let t: TestApp;
let caseId = 0;
beforeAll(async () => {
  t = openTestApp();
  t.app.clock.set('2026-11-22T02:00:00Z');
  t.user('money', ['money']);
  caseId = (await t.call('cases.file', sampleDraft())).id;
});
afterAll(async () => t?.close());

describe('strings', () => {
  it('zero-width characters no longer hide the duplicate-title warning at filing', async () => {
    const hidden = sampleDraft({ title: { ...sampleDraft().title, number: '（2026）内0523民\u200b初\u2060100号\ufeff' } });
    const e = await t.fail('cases.file', hidden);
    expect(e).toMatchObject({ code: 'needs_confirmation', field: 'title.number' });
    expect(e.message).toMatch(/同一执行依据对同一被执行人已立案/);
  });

  it('refuses NUL and lone surrogates in a name, naming the field', async () => {
    const nul = await t.fail('cases.validate', sampleDraft({ debtors: [{ kind: 'person', name: '王\u0000五', idNumber: makeId('19900101', 7) }] }));
    expect(nul).toMatchObject({ code: 'invalid_input', field: 'debtors.0.name', message: '含有空字符（NUL）' });
    const lone = await t.fail('cases.validate', sampleDraft({ debtors: [{ kind: 'person', name: '王五\ud800', idNumber: makeId('19900101', 7) }] }));
    expect(lone).toMatchObject({ code: 'invalid_input', field: 'debtors.0.name', message: '含有无效的字符编码（孤立的代理项）' });
    const blank = await t.fail('cases.validate', sampleDraft({ debtors: [{ kind: 'person', name: '\u200b\u202e', idNumber: makeId('19900101', 7) }] }));
    expect(blank).toMatchObject({ field: 'debtors.0.name', message: '只含有不可见字符或控制字符' });
  });

  it('stores a name without its right-to-left override and zero-width characters, full-width digits folded', async () => {
    const draft = sampleDraft({
      title: { ...sampleDraft().title, number: '（2026）内0523民初２０１号' },
      debtors: [{ kind: 'person', name: '赵\u202e六\u200d', idNumber: makeId('19800505', 31), address: '开鲁县\u0007开鲁镇' }],
    });
    const c = await t.call('cases.file', draft);
    const got = await t.call('cases.get', { id: c.id });
    const debtor = got.parties.find((p) => p.role === 'debtor')!;
    expect(debtor.name).toBe('赵六');
    expect(debtor.address).toBe('开鲁县开鲁镇');
    expect(got.title.number).toBe('（2026）内0523民初201号');
  });
});

describe('dates', () => {
  it('refuses 0001-01-01 and dates past the horizon with the range named', async () => {
    for (const effectiveOn of ['0001-01-01', '1949-09-30', '2101-01-01']) {
      const e = await t.fail('cases.validate', sampleDraft({ title: { ...sampleDraft().title, effectiveOn } }));
      expect(e).toMatchObject({ code: 'invalid_input', field: 'title.effectiveOn', message: '日期应在 1949-10-01 至 2100-12-31 之间' });
    }
    const wrong = await t.fail('cases.validate', sampleDraft({ title: { ...sampleDraft().title, effectiveOn: 20260901 as unknown as string } }));
    expect(wrong).toMatchObject({ field: 'title.effectiveOn', message: '应为日期 YYYY-MM-DD' });
  });
});

describe('money', () => {
  it('refuses the 2^53−1 fen receipt whose sum with 1 fen was wrong', async () => {
    const e = await t.fail('ledger.record', { kind: 'receipt', caseId, amountFen: 2 ** 53 - 1, on: '2026-11-21', source: 'voluntary' }, 'money');
    expect(e).toMatchObject({ code: 'invalid_input', field: 'amountFen', message: '金额不能超过 100 亿元' });
    const ok = await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 1_000_000_000_000, on: '2026-11-21', source: 'voluntary' }, 'money');
    expect(ok.balanceFen).toBe(1_000_000_000_000);
  });

  it(`stops a case's ledger at ${MAX_LEDGER_ENTRIES_PER_CASE} entries, so every sum over it stays exact`, async () => {
    // Fill the ledger directly to one short of the limit (entries are append-only, not updated).
    const have = t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM ledger_entries WHERE case_id = ?', caseId)[0]!.n;
    t.app.db.rawRun(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO ledger_entries (case_id, kind, amount_fen, on_date, source, created_at, created_by)
       SELECT ?, 'receipt', 1, '2026-11-21', 'voluntary', '2026-11-21T02:00:00.000Z', '测试' FROM k`,
      MAX_LEDGER_ENTRIES_PER_CASE - 1 - have,
      caseId,
    );
    await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-21', source: 'voluntary' }, 'money');
    const e = await t.fail('ledger.record', { kind: 'receipt', caseId, amountFen: 100, on: '2026-11-21', source: 'voluntary' }, 'money');
    expect(e).toMatchObject({ code: 'conflict', message: `本案账目已有 ${MAX_LEDGER_ENTRIES_PER_CASE} 笔，达到每案 ${MAX_LEDGER_ENTRIES_PER_CASE} 笔的上限，请联系管理员` });
  });
});

describe('type errors say what was expected', () => {
  it('names the expected type instead of "必填项不能为空", and keeps that for a missing value', async () => {
    expect(await t.fail('cases.get', { id: 'abc' })).toMatchObject({ field: 'id', message: '类型错误：应为整数' });
    expect(await t.fail('cases.get', { id: 1.5 })).toMatchObject({ field: 'id', message: '类型错误：应为整数' });
    expect(await t.fail('cases.get', {})).toMatchObject({ field: 'id', message: '必填项不能为空' });
    expect(await t.fail('cases.list', { limit: 5000 })).toMatchObject({ field: 'limit', message: '每页条数：不能大于 1000' });
    expect(await t.fail('cases.list', { limit: '5' })).toMatchObject({ field: 'limit', message: '每页条数：类型错误：应为数字' });
    const name = await t.fail('cases.validate', sampleDraft({ debtors: [{ kind: 'person', name: 42 as unknown as string, idNumber: makeId('19900101', 7) }] }));
    expect(name).toMatchObject({ field: 'debtors.0.name', message: '类型错误：应为文本' });
  });
});
