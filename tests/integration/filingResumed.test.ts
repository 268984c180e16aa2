import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { FileResponse } from '../../src-main/api/context';

// The filing window: a 执恢 case names the case it resumes (2014 立案意见 Art. 6: a new number that
// links back to the original; domain.md §1.3, §4.4), and after filing the clerk prints the
// acceptance documents (执行案件受理通知书, 执行风险告知书, domain.md §5) in one file.

let t: TestApp;
let n = 0;
const resumed = (originalNumber: string | undefined) => sampleDraft({ type: '执恢', filedOn: '2026-11-20', ...(originalNumber !== undefined ? { originalNumber } : {}), debtors: [{ kind: 'person', name: `被执行人${++n}`, idNumber: makeId('19800101', 300 + n) }] });

beforeAll(() => {
  t = openTestApp();
  t.app.clock.set('2026-11-22T02:00:00Z');
  t.user('chuang', ['window']);
});
afterAll(async () => t?.close());

describe('执恢: the original case', () => {
  it('is required at the window, naming the field', async () => {
    expect(await t.fail('cases.file', resumed(undefined), 'chuang')).toMatchObject({ code: 'invalid_input', field: 'originalNumber', message: '恢复执行案件须填写原执行案件的案号' });
  });

  it('must be a valid enforcement case number: 蒙 is not Inner Mongolia’s code', async () => {
    const e = await t.fail('cases.file', resumed('（2023）蒙0523执123号'), 'chuang');
    expect(e).toMatchObject({ field: 'originalNumber' });
    expect(e.message).toMatch(/^原案号有误：/);
    expect(e.message).toContain('内');
  });

  it('must be an implementation case (执 or 执恢), not a 执保 or review case, and not from a later year', async () => {
    expect(await t.fail('cases.file', resumed('（2024）内0523执保12号'), 'chuang')).toMatchObject({ field: 'originalNumber', message: '原案号应为首次执行（执）或恢复执行（执恢）案件，现为“执保”' });
    expect(await t.fail('cases.file', resumed('（2027）内0523执12号'), 'chuang')).toMatchObject({ field: 'originalNumber', message: '原案号的年份（2027年）晚于立案日期' });
  });

  it('is only asked of a 执恢 case', async () => {
    expect(await t.fail('cases.file', sampleDraft({ originalNumber: '（2020）内0523执5号' }), 'chuang')).toMatchObject({ field: 'originalNumber', message: '只有恢复执行案件（执恢）需要填写原案号' });
  });

  it('links to the original when it is in the register and closed; refuses one still open', async () => {
    const original = await t.call('cases.file', sampleDraft({ filedOn: '2026-11-20', debtors: [{ kind: 'person', name: '原案被执行人', idNumber: makeId('19750101', 11) }] }), 'chuang');
    expect(await t.fail('cases.file', resumed(original.number), 'chuang')).toMatchObject({ field: 'originalNumber', message: `原案件${original.number}尚未结案，不能恢复执行` });
    t.app.db.rawRun("UPDATE cases SET closed_on = '2026-11-21', closure_mode = '终结本次执行程序', stage = 'closed' WHERE id = ?", original.id);
    // Typed with half-width brackets and a space: the same case.
    const typed = original.number.replace('（', '(').replace('）', ') ');
    const filed = await t.call('cases.file', resumed(typed), 'chuang');
    expect(filed.number).toBe('（2026）内0523执恢1号');
    expect(filed.resumedFromId).toBe(original.id);
  });

  it('records the number alone for a case from before this system (a warning, not a refusal)', async () => {
    const check = await t.call('cases.validate', resumed('（2019）内0523执88号'), 'chuang');
    expect(check.issues).toContainEqual({ field: 'originalNumber', message: '原案件（2019）内0523执88号不在本系统登记簿中（旧系统案件）：只记录原案号', severity: 'warning' });
    const filed = await t.call('cases.file', resumed('（2019）内0523执88号'), 'chuang');
    expect(filed.resumedFromId).toBeNull();
    const ev = t.app.db.raw<{ payload: string }>("SELECT payload FROM case_events WHERE case_id = ? AND type = 'case.filed'", filed.id)[0]!;
    expect(JSON.parse(ev.payload)).toMatchObject({ originalNumber: '（2019）内0523执88号' });
  });
});

describe('the acceptance documents after filing', () => {
  it('makes the 受理通知书 and 风险告知书 once and gives one print file with both', async () => {
    const c = await t.call('cases.file', sampleDraft({ filedOn: '2026-11-20', debtors: [{ kind: 'person', name: '受理测试', idNumber: makeId('19850101', 77) }] }), 'chuang');
    const file = (await t.call('documents.printAcceptance', { caseId: c.id }, 'chuang')) as unknown as FileResponse;
    expect(file).toBeInstanceOf(FileResponse);
    expect(file.fileName).toBe(`${c.number}-受理文书.pdf`);
    expect(readFileSync(file.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const kinds = () => t.app.db.raw<{ kind: string }>('SELECT kind FROM documents WHERE case_id = ? ORDER BY id', c.id).map((r) => r.kind);
    expect(kinds()).toEqual(['执行案件受理通知书', '执行风险告知书']);
    // Printing again prints the same two documents.
    await t.call('documents.printAcceptance', { caseId: c.id }, 'chuang');
    expect(kinds()).toEqual(['执行案件受理通知书', '执行风险告知书']);
  });
});
