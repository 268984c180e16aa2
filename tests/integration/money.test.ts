import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { waitJob } from '../helpers/documents';
import { queryAndAnswer, zhongbenHistory } from '../helpers/pipeline';
import { setStage } from '../../src-main/services/cases/stage';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { verifyAudit } from '../helpers/audit';

// Case money (domain.md §7, 法发〔2017〕6号 as reproduced locally [P]): the applicant's payout account
// recorded after filing with a second user's approval, approvers named by user id, deferral and
// refund, the fast-track officer's payouts, and deductions that consume the freeze they draw on
// (民诉法 2023 Art. 253).

let t: TestApp;
afterEach(async () => t?.close());

const idOf = (username: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', username)[0]!.id;
const eventsOf = (caseId: number, type: string) =>
  t.app.db.raw<{ payload: string; actor_name: string }>('SELECT payload, actor_name FROM case_events WHERE case_id = ? AND type = ? ORDER BY id', caseId, type).map((e) => ({ ...JSON.parse(e.payload), actor: e.actor_name }));

let seq = 0;
/** A case filed as the window does, with or without a payout account in the first interview. */
async function fileCase(opts: { account: boolean; claimFen?: number }) {
  seq += 1;
  const c = await t.call(
    'cases.file',
    sampleDraft({
      filedOn: '2026-11-02',
      title: { court: '开鲁县人民法院', number: `（2026）内0523民初${7000 + seq}号`, effectiveOn: '2026-09-01', cause: '民间借贷纠纷', kind: '民事判决书', ordered: '被告偿还原告借款本金' },
      claim: { principalFen: opts.claimFen ?? 10_000_000, interestFen: 0, costsFen: 0 },
      ...(opts.account ? { interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '张三', payoutAccount: '6228480000000000001', requests: [] } } : {}),
    }),
  );
  await signers(t, [c.id]);
  return c;
}

function court() {
  t = openTestApp();
  t.app.clock.set('2026-11-20T02:00:00Z');
  t.user('money1', ['money']);
  t.user('money2', ['money']);
  t.user('chief', ['management']);
  t.user('chief2', ['management']);
}

const ACCOUNT = { bank: '中国建设银行开鲁支行', accountName: '张三', accountNumber: '6217 0000 1234 5678 901', reason: '申请执行人书面提交收款账户确认书' };

describe('the payout account (domain.md §7)', () => {
  it('refuses a payout without an account, records one, approved by a second user, then pays to it', async () => {
    court();
    const c = await fileCase({ account: false });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 500_000, on: '2026-11-19', source: 'voluntary' }, 'money1');
    const none = await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 500_000, approverId: idOf('chief') }, 'money1');
    expect(none.field).toBe('payeeAccount');
    expect(none.message).toContain('尚未登记申请执行人的收款账户');
    // No paying to an account given with the payout, reason or not: the account is recorded and approved first.
    const elsewhere = await t.fail(
      'ledger.record',
      { kind: 'payout', caseId: c.id, amountFen: 500_000, approverId: idOf('chief'), payeeName: '张三', payeeAccount: '6217000099998888777', accountChangeReason: '申请执行人书面申请' } as never,
      'money1',
    );
    expect(elsewhere.code).toBe('invalid_input');
    expect(elsewhere.message).toContain('payeeAccount');
    expect(t.app.db.raw("SELECT 1 FROM ledger_entries WHERE kind = 'payout'")).toEqual([]);

    // The account number is validated with a Chinese message on its field.
    const bad = await t.fail('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT, accountNumber: '6217-ABCD' }, 'money1');
    expect(bad.field).toBe('accountNumber');
    expect(bad.message).toBe('收款账号应为8至30位数字（可含空格或短横线）');
    const noReason = await t.fail('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT, reason: '' }, 'money1');
    expect(noReason.field).toBe('reason');

    const asked = await t.call('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT }, 'money1');
    // Masked on output, like every account.
    expect(asked.pendingAccount).toMatchObject({ bank: '中国建设银行开鲁支行', name: '张三', account: '***************8901', requestedBy: 'money1' });
    expect(asked.payoutAccount.account).toBeNull();
    // Still pending: no payout yet.
    const waiting = await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 500_000, approverId: idOf('chief') }, 'money1');
    expect(waiting.message).toContain('尚待审批');
    const twice = await t.fail('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT, accountNumber: '6217000012345678902' }, 'money2');
    expect(twice.code).toBe('conflict');

    // The officer who recorded it cannot approve it, even holding the approvers' role; a money officer is no approver.
    t.user('bossmoney', ['money', 'management']);
    const own = await t.call('ledger.requestPayoutAccount', { caseId: (await fileCase({ account: false })).id, ...ACCOUNT }, 'bossmoney');
    const self = await t.fail('ledger.decidePayoutAccount', { caseId: own.caseId, requestId: own.pendingAccount!.id, approve: true }, 'bossmoney');
    expect(self.message).toBe('审批人不能是登记人本人');
    const requestId = asked.pendingAccount!.id;
    expect((await t.fail('ledger.decidePayoutAccount', { caseId: c.id, requestId, approve: true }, 'money2')).code).toBe('forbidden');
    expect((await t.fail('ledger.decidePayoutAccount', { caseId: c.id, requestId, approve: false }, 'chief')).field).toBe('note');

    await t.call('ledger.decidePayoutAccount', { caseId: c.id, requestId, approve: true }, 'chief');
    const after = await t.call('ledger.get', { caseId: c.id });
    expect(after.pendingAccount).toBeNull();
    expect(after.payoutAccount).toEqual({ bank: '中国建设银行开鲁支行', name: '张三', account: '***************8901', source: 'approved' });
    expect((await t.fail('ledger.decidePayoutAccount', { caseId: c.id, requestId, approve: true }, 'chief2')).code).toBe('conflict');

    const paid = await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 500_000, approverId: idOf('chief') }, 'money1');
    expect(paid.balanceFen).toBe(0);
    expect(paid.entries.at(-1)).toMatchObject({ kind: 'payout', payeeName: '张三', payeeBank: '中国建设银行开鲁支行', payeeAccount: '***************8901', approver: 'chief', approverId: idOf('chief') });
    // Stored in full (the finance office's list needs it), revealed only through the logged reveal.
    expect(t.app.db.raw<{ a: string }>("SELECT payee_account AS a FROM ledger_entries WHERE kind = 'payout'")[0]!.a).toBe('6217000012345678901');
    expect((await t.call('cases.reveal', { caseId: c.id, reason: '核对' }, 'money1')).payoutAccount).toBe('6217000012345678901');

    // Both steps are events on the case, by whom they were taken; the event view masks the number.
    expect(eventsOf(c.id, 'payoutAccount.requested')).toMatchObject([{ requestId, accountNumber: '6217000012345678901', actor: 'money1' }]);
    expect(eventsOf(c.id, 'payoutAccount.decided')).toMatchObject([{ requestId, approved: true, actor: 'chief' }]);
    const shown = (await t.call('cases.get', { id: c.id })).events.find((e) => e.type === 'payoutAccount.requested')!;
    expect(JSON.stringify(shown.payload)).not.toContain('6217000012345678901');
  });

  it('changes an account recorded at filing; a rejected change leaves the old one', async () => {
    court();
    const c = await fileCase({ account: true });
    const same = await t.fail('ledger.requestPayoutAccount', { caseId: c.id, bank: '中国农业银行开鲁支行', accountName: '张三', accountNumber: '6228480000000000001', reason: '重复' }, 'money1');
    expect(same.field).toBe('accountNumber');
    const asked = await t.call('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT }, 'money1');
    expect(eventsOf(c.id, 'payoutAccount.requested')[0]).toMatchObject({ previous: '6228480000000000001' });
    await t.call('ledger.decidePayoutAccount', { caseId: c.id, requestId: asked.pendingAccount!.id, approve: false, note: '户名与身份证不符' }, 'chief');
    const l = await t.call('ledger.get', { caseId: c.id });
    expect(l.payoutAccount).toMatchObject({ account: '***************0001', source: 'interview' });
    expect(l.pendingAccount).toBeNull();
    // A payout goes to the interview's account while no change is approved, pending or not.
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 200_000, on: '2026-11-19', source: 'voluntary' }, 'money1');
    await t.call('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT }, 'money1');
    const paid = await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('chief') }, 'money1');
    expect(paid.entries.at(-1)).toMatchObject({ payeeAccount: '***************0001', payeeBank: '中国农业银行开鲁支行', reason: null });
    expect(t.app.db.raw<{ a: string }>("SELECT payee_account AS a FROM ledger_entries WHERE kind = 'payout'")).toEqual([{ a: '6228480000000000001' }]);
  });
});

describe('the approver of a payout is a real user other than the payer', () => {
  it('refuses the payer as their own approver although they may approve others', async () => {
    court();
    // One user who both pays (money) and approves (management): only the four-eyes rule stops them.
    t.user('both', ['money', 'management']);
    const c = await fileCase({ account: true });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 300_000, on: '2026-11-19', source: 'voluntary' }, 'money1');
    const self = await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('both') }, 'both');
    expect(self.field).toBe('approverId');
    expect(self.message).toBe('审批人不能是经办人本人');
    const selfRefund = await t.fail('ledger.record', { kind: 'refund', caseId: c.id, amountFen: 100_000, payeeName: '被执行人', reason: '多缴', approverId: idOf('both') }, 'both');
    expect(selfRefund.field).toBe('approverId');
    // The same user approves another officer's payout.
    const ok = await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('both') }, 'money1');
    expect(ok.entries.at(-1)).toMatchObject({ approver: 'both', approverId: idOf('both') });
    expect(eventsOf(c.id, 'ledger.payout')[0]).toMatchObject({ approverId: idOf('both'), approver: 'both' });
  });

  it('refuses an unknown user, a user without the approvers\' role and an inactive one', async () => {
    court();
    const c = await fileCase({ account: true });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 300_000, on: '2026-11-19', source: 'voluntary' }, 'money1');
    for (const approverId of [999_999, idOf('money2')]) {
      const e = await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId }, 'money1');
      expect(e.field).toBe('approverId');
      expect(e.message).toContain('审批人须为在职的综合管理人员');
    }
    await t.call('users.update', { id: idOf('chief2'), active: false });
    expect((await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('chief2') }, 'money1')).field).toBe('approverId');
    // The picker offers exactly the active approvers.
    expect((await t.call('ledger.approvers', {}, 'money1')).map((a) => a.displayName)).toEqual(['chief']);
    expect((await t.call('ledger.get', { caseId: c.id })).balanceFen).toBe(300_000);
  });
});

describe('deferral and refund', () => {
  it('does not count deferred money as overdue until the deferral ends (30 days, 法发〔2017〕6号)', async () => {
    court();
    const c = await fileCase({ account: true });
    // Arrived 2026-10-01: due by 2026-10-31, overdue on 2026-11-20.
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 400_000, on: '2026-10-01', source: 'voluntary' }, 'money1');
    expect((await t.call('ledger.get', { caseId: c.id })).overdueFen).toBe(400_000);
    const past = await t.fail('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '另案申请参与分配', until: '2026-11-20', approverId: idOf('chief') }, 'money1');
    expect(past.field).toBe('until');
    const d = await t.call('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '另案申请参与分配', until: '2026-12-10', approverId: idOf('chief') }, 'money1');
    expect(d.overdueFen).toBe(0);
    expect(d.balanceFen).toBe(400_000);
    expect(d.receipts[0]).toMatchObject({ deferredUntil: '2026-12-10', overdue: false });
    expect((await t.call('grids.ledgerAccounts', { overdueOnly: true }, 'money1')).rows).toEqual([]);
    t.app.clock.set('2026-12-11T02:00:00Z');
    expect((await t.call('ledger.get', { caseId: c.id })).overdueFen).toBe(400_000);
  });

  it('refunds to the payer with a reason, reducing the balance and what was recovered', async () => {
    court();
    const c = await fileCase({ account: true });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 400_000, on: '2026-11-19', source: 'voluntary', payer: '被执行人' }, 'money1');
    const over = await t.fail('ledger.record', { kind: 'refund', caseId: c.id, amountFen: 400_001, payeeName: '被执行人', reason: '多缴', approverId: idOf('chief') }, 'money1');
    expect(over.code).toBe('conflict');
    const noReason = await t.fail('ledger.record', { kind: 'refund', caseId: c.id, amountFen: 100_000, payeeName: '被执行人', reason: '', approverId: idOf('chief') }, 'money1');
    expect(noReason.field).toBe('reason');
    const r = await t.call('ledger.record', { kind: 'refund', caseId: c.id, amountFen: 150_000, payeeName: '被执行人', reason: '多缴款项退还', approverId: idOf('chief') }, 'money1');
    expect(r).toMatchObject({ balanceFen: 250_000, refundedFen: 150_000, recoveredFen: 250_000 });
    expect(r.entries.at(-1)).toMatchObject({ kind: 'refund', effectFen: -150_000, reason: '多缴款项退还', approverId: idOf('chief') });
    expect(r.receipts[0]!.outstandingFen).toBe(250_000);
  });
});

describe('the fast-track officer pays out their own fast-track cases', () => {
  it('pays out a case assigned to them in the fast-track stage, and nothing else', async () => {
    court();
    t.user('kz1', ['fastTrack'], null);
    t.user('kz2', ['fastTrack'], null);
    const mine = await fileCase({ account: true });
    const theirs = await fileCase({ account: true });
    const notFast = await fileCase({ account: true });
    const db = t.app.db;
    db.tx(() => {
      for (const [c, judge] of [[mine, 'kz1'], [theirs, 'kz2'], [notFast, 'kz1']] as const) {
        if (c !== notFast) setStage(db, SYSTEM_ACTOR, t.app.clock.now(), c.id, 'fastTrack', '繁简分流：简案（测试）');
        db.rawRun('UPDATE cases SET judge_id = ? WHERE id = ?', idOf(judge), c.id);
      }
    });
    for (const c of [mine, theirs, notFast]) await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 200_000, on: '2026-11-19', source: 'online' }, 'money1');

    const paid = await t.call('ledger.record', { kind: 'payout', caseId: mine.id, amountFen: 200_000, approverId: idOf('chief') }, 'kz1');
    expect(paid.balanceFen).toBe(0);
    const other = await t.fail('ledger.record', { kind: 'payout', caseId: theirs.id, amountFen: 200_000, approverId: idOf('chief') }, 'kz1');
    expect(other.code).toBe('forbidden');
    expect(other.message).toContain('不是您承办的快执案件');
    const stage = await t.fail('ledger.record', { kind: 'payout', caseId: notFast.id, amountFen: 200_000, approverId: idOf('chief') }, 'kz1');
    expect(stage.code).toBe('forbidden');
    expect(stage.message).toContain('不在快执环节');
    const fee = await t.fail('ledger.record', { kind: 'fee', caseId: mine.id, amountFen: 1 }, 'kz1');
    expect(fee.code).toBe('forbidden');
    const receipt = await t.fail('ledger.record', { kind: 'receipt', caseId: mine.id, amountFen: 1, on: '2026-11-19', source: 'voluntary' }, 'kz1');
    expect(receipt.code).toBe('forbidden');
    // The account of their own fast-track case only.
    expect((await t.fail('ledger.requestPayoutAccount', { caseId: theirs.id, ...ACCOUNT }, 'kz1')).code).toBe('forbidden');
    expect((await t.call('ledger.requestPayoutAccount', { caseId: mine.id, ...ACCOUNT }, 'kz1')).pendingAccount).toMatchObject({ requestedBy: 'kz1' });
    // The money officer still pays any case.
    expect((await t.call('ledger.record', { kind: 'payout', caseId: theirs.id, amountFen: 200_000, approverId: idOf('chief') }, 'money1')).balanceFen).toBe(0);
  });
});

describe('a deduction consumes the freeze it draws on (民诉法 2023 Art. 253)', () => {
  /** A control batch run as its job, results not yet recorded. */
  async function batch(items: { assetId: number; action: 'freeze' | 'deduct'; amountFen?: number; fromMeasureId?: number }[]) {
    const job = await waitJob(t, (await t.call('measures.createBatch', { items })).id);
    if (job.status !== 'done') throw new Error(`control job ${job.status}: ${JSON.stringify(job.error)}`);
    return (await t.call('measures.batch', { batchId: (job.result as { batchId: number }).batchId })).measures;
  }
  const measure = async (caseId: number, id: number) => (await t.call('measures.list', { caseId, limit: 100 })).rows.find((m) => m.id === id)!;
  const nothingDisposable = async (caseId: number) => (await t.call('closure.checklist', { caseId })).items.find((i) => i.key === 'nothingDisposable')!;

  async function frozenCase() {
    court();
    t.app.clock.set('2026-01-10T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft({ filedOn: '2026-01-10', title: { court: '开鲁县人民法院', number: '（2025）内0523民初901号', effectiveOn: '2025-12-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告给付原告货款' } }));
    await signers(t, [c.id]);
    await zhongbenHistory(t, c.id, '2026-01-20');
    t.app.clock.set('2026-02-01T02:00:00Z');
    await queryAndAnswer(t, [c.id], '2026-02-01', () => [{ assetType: '银行存款', institution: '农业银行开鲁支行', identifier: '6228480000000006228', value: '500.00' }]);
    const [deposit] = (await t.call('assets.list', { caseId: c.id })).rows;
    t.app.clock.set('2026-02-02T02:00:00Z');
    const [freeze] = await batch([{ assetId: deposit!.id, action: 'freeze', amountFen: 50_000 }]);
    await t.call('measures.recordResult', { results: [{ measureId: freeze!.id, outcome: 'done' }] });
    return { c, deposit: deposit!, freeze: freeze! };
  }

  it('a partial deduction leaves the rest frozen; the last one ends the freeze, which then needs no renewal or release', async () => {
    const { c, deposit, freeze } = await frozenCase();
    const [d1] = await batch([{ assetId: deposit.id, action: 'deduct', amountFen: 20_000 }]);
    expect(d1).toMatchObject({ fromMeasureId: freeze.id, amountFen: 20_000 });
    await t.call('measures.recordResult', { results: [{ measureId: d1!.id, outcome: 'done' }] });
    expect(await measure(c.id, freeze.id)).toMatchObject({ status: 'done', heldFen: 30_000, endedOn: null });
    const partly = await nothingDisposable(c.id);
    expect(partly.evidence.map((e) => e.text)).toContain('冻结措施仍在执行：300.00元，至2027-02-02');

    // The bank deducts less than asked (部分执行): the remainder stays frozen.
    t.app.clock.set('2026-02-03T02:00:00Z');
    const [d2] = await batch([{ assetId: deposit.id, action: 'deduct' }]);
    expect(d2!.amountFen).toBe(30_000);
    await t.call('measures.recordResult', { results: [{ measureId: d2!.id, outcome: 'partial', actualFen: 10_000 }] });
    expect(await measure(c.id, freeze.id)).toMatchObject({ status: 'done', heldFen: 20_000, endedOn: null });

    const [d3] = await batch([{ assetId: deposit.id, action: 'deduct' }]);
    await t.call('measures.recordResult', { results: [{ measureId: d3!.id, outcome: 'done' }] });
    const ended = await measure(c.id, freeze.id);
    expect(ended).toMatchObject({ status: 'deducted', heldFen: 0, endedOn: '2026-02-03', endedByMeasureId: d3!.id, renewalDue: false, daysToExpiry: null });
    expect((await t.call('ledger.get', { caseId: c.id })).balanceFen).toBe(50_000);
    expect(eventsOf(c.id, 'measure.ended')).toMatchObject([{ measureId: freeze.id, byMeasureId: d3!.id, deductedFen: 50_000 }]);

    // Nothing left to renew or release (民诉法解释 2022 Art. 485; 查扣冻规定 2020 Art. 28).
    const renew = await t.fail('measures.renew', { measureIds: [freeze.id] });
    expect(renew.code).toBe('conflict');
    expect(renew.message).toContain('全部扣划');
    expect((await t.fail('measures.release', { measureIds: [freeze.id], reason: '已扣划' })).message).toContain('全部扣划');
    // Not counted as a measure in force anywhere: the renewal list, the asset register, the 终本 checklist.
    t.app.clock.set('2027-01-20T02:00:00Z');
    expect((await t.call('measures.list', { renewalDue: true, limit: 100 })).rows.map((m) => m.id)).not.toContain(freeze.id);
    expect((await t.call('measures.list', { caseId: c.id, status: ['deducted'], limit: 100 })).rows.map((m) => m.id)).toEqual([freeze.id]);
    expect((await t.call('measures.list', { caseId: c.id, status: ['done'], limit: 100 })).rows.map((m) => m.id)).not.toContain(freeze.id);
    // The measures grid shows and filters the same status: 已全部扣划 finds the ended freeze, 已执行 only the two full deductions.
    const gridStatus = async (value: string) =>
      (await t.call('grids.measures', { filters: [{ col: 'caseNumber', op: 'equals', value: c.number }, { col: 'status', op: 'equals', value }], limit: 100 })).rows.map((m) => [m.id, m.status]);
    expect(await gridStatus('deducted')).toEqual([[freeze.id, 'deducted']]);
    expect(await gridStatus('done')).toEqual([[d3!.id, 'done'], [d1!.id, 'done']]);
    expect((await t.call('grids.measures', { renewalDue: true, limit: 100 })).rows.map((m) => m.id)).not.toContain(freeze.id);
    expect((await t.call('assets.list', { caseId: c.id })).rows[0]).toMatchObject({ activeMeasures: 0, controlledFen: 0, deductedFen: 50_000 });
    expect((await t.call('assets.list', { caseId: c.id, controllable: true })).rows).toEqual([]);
    // The renewal clock stopped the day the freeze ended (deadlineRules 'renewal').
    expect((await t.call('deadlines.forCase', { caseId: c.id })).filter((k) => k.ruleId === 'renewal').map((k) => [k.status, k.doneOn])).toEqual([['met', '2026-02-03']]);
    const item = await nothingDisposable(c.id);
    expect(item.evidence.map((e) => e.text).join('')).not.toContain('冻结措施仍在执行');
    // A fresh query with nothing found: the item is met from the events.
    await queryAndAnswer(t, [c.id], '2027-01-20');
    expect((await nothingDisposable(c.id)).met).toBe(true);
    // The audit replay agrees with the measures table, ended freeze included.
    expect(await verifyAudit(t)).toMatchObject({ ok: true, problemCount: 0 });
  });

  it('draws on the freeze named by its measure id, not on the first row', async () => {
    const { c, deposit, freeze } = await frozenCase();
    // A second freeze of the same account (限额冻结 caught a later credit).
    const [second] = await batch([{ assetId: deposit.id, action: 'freeze', amountFen: 30_000 }]);
    await t.call('measures.recordResult', { results: [{ measureId: second!.id, outcome: 'done' }] });
    const [named] = await batch([{ assetId: deposit.id, action: 'deduct', fromMeasureId: second!.id }]);
    expect(named).toMatchObject({ fromMeasureId: second!.id, amountFen: 30_000 });
    await t.call('measures.recordResult', { results: [{ measureId: named!.id, outcome: 'done' }] });
    expect(await measure(c.id, second!.id)).toMatchObject({ status: 'deducted' });
    expect(await measure(c.id, freeze.id)).toMatchObject({ status: 'done', heldFen: 50_000 });
    // Without a name: the lowest measure id with money free.
    const [dflt] = await batch([{ assetId: deposit.id, action: 'deduct', amountFen: 10_000 }]);
    expect(dflt!.fromMeasureId).toBe(freeze.id);
    const wrong = await t.fail('measures.createBatch', { items: [{ assetId: deposit.id, action: 'deduct', fromMeasureId: second!.id }] });
    expect(wrong.field).toBe('items.0.fromMeasureId');
  });
});

describe('a deferred sum (法发〔2017〕6号: deferral for a pending distribution)', () => {
  it('keeps only the deferred sum from counting as overdue, until its end date', async () => {
    court();
    const c = await fileCase({ account: true });
    // 400,000 arrived 2026-10-01 and 100,000 on 2026-10-05: both overdue on 2026-11-20.
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 400_000, on: '2026-10-01', source: 'voluntary' }, 'money1');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 100_000, on: '2026-10-05', source: 'voluntary' }, 'money1');
    expect((await t.call('ledger.get', { caseId: c.id })).overdueFen).toBe(500_000);
    const over = await t.fail('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '争议部分', until: '2026-12-10', amountFen: 500_001, approverId: idOf('chief') }, 'money1');
    expect(over.field).toBe('amountFen');
    // 450,000 held for the distribution: 400,000 of the oldest receipt and 50,000 of the next.
    const d = await t.call('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '争议部分待分配方案确定', until: '2026-12-10', amountFen: 450_000, approverId: idOf('chief') }, 'money1');
    expect(d.balanceFen).toBe(500_000);
    expect(d.overdueFen).toBe(50_000);
    expect(d.receipts.map((r) => [r.deferredFen, r.overdueFen, r.overdue])).toEqual([
      [400_000, 0, false],
      [50_000, 50_000, true],
    ]);
    expect((await t.call('grids.ledgerAccounts', { overdueOnly: true }, 'money1')).rows.map((r) => [r.caseId, r.overdueFen])).toEqual([[c.id, 50_000]]);
    expect(eventsOf(c.id, 'ledger.deferral')[0]).toMatchObject({ amountFen: 450_000, approverId: idOf('chief') });
    // After its end date the whole sum is overdue again.
    t.app.clock.set('2026-12-11T02:00:00Z');
    expect((await t.call('ledger.get', { caseId: c.id })).overdueFen).toBe(500_000);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, problemCount: 0 });
  });
});

describe('one payout clock for the deadline board and the 案款 page (法发〔2017〕6号: 30 days from arrival)', () => {
  /** The case's payout clocks as the board counts them, and what the 案款 page says of each receipt. */
  async function both(caseId: number) {
    const board = (await t.call('deadlines.forCase', { caseId })).filter((d) => d.ruleId === 'payout');
    const ledger = await t.call('ledger.get', { caseId });
    const overdueOnBoard = (await t.call('deadlines.cases', { bucket: 'overdue', ruleId: 'payout', limit: 100 })).rows.filter((r) => r.caseId === caseId).map((r) => r.seq);
    return { board, ledger, overdueOnBoard };
  }

  it('a deferral of part of the money keeps the rest overdue on both; a deferral of the account stops both', async () => {
    court();
    const c = await fileCase({ account: true });
    // 400,000 arrived 2026-10-01 (30 days: 10-31, a Saturday, so Monday 11-02 — 民诉法 2023 Art. 85) and
    // 100,000 on 2026-10-05 (due 11-04): both overdue on 2026-11-20.
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 400_000, on: '2026-10-01', source: 'voluntary' }, 'money1');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 100_000, on: '2026-10-05', source: 'voluntary' }, 'money1');
    let now = await both(c.id);
    expect(now.ledger.receipts.map((r) => r.dueOn)).toEqual(['2026-11-02', '2026-11-04']);
    expect(now.board.map((d) => [d.seq, d.status, d.dueOn])).toEqual([
      [1, 'open', '2026-11-02'],
      [2, 'open', '2026-11-04'],
    ]);
    expect(now.overdueOnBoard).toEqual([1, 2]);

    // 100,000 held for a distribution: of the oldest money; 300,000 of it and all of the second stay overdue.
    await t.call('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '争议部分待分配方案确定', until: '2026-12-10', amountFen: 100_000, approverId: idOf('chief') }, 'money1');
    now = await both(c.id);
    expect(now.ledger.overdueFen).toBe(400_000);
    expect(now.ledger.receipts.map((r) => [r.deferredFen, r.overdueFen])).toEqual([
      [100_000, 300_000],
      [0, 100_000],
    ]);
    expect(now.board.map((d) => [d.seq, d.status, d.dueOn])).toEqual([
      [1, 'open', '2026-11-02'],
      [2, 'open', '2026-11-04'],
    ]);
    // The board's overdue clocks are exactly the receipts the 案款 page counts as overdue.
    expect(now.overdueOnBoard).toEqual([1, 2]);
    expect(now.ledger.receipts.flatMap((r, i) => (r.overdue ? [i + 1] : []))).toEqual(now.overdueOnBoard);

    // Paying out all but the sum held: the payout takes the oldest money, the 100,000 left (of the
    // second receipt) is the sum deferred — nothing overdue on either.
    const paid = await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 400_000, approverId: idOf('chief') }, 'money1');
    expect(paid.overdueFen).toBe(0);
    expect(paid.receipts.map((r) => [r.outstandingFen, r.deferredFen])).toEqual([
      [0, 0],
      [100_000, 100_000],
    ]);
    now = await both(c.id);
    expect(now.board.map((d) => [d.seq, d.status, d.dueOn])).toEqual([
      [1, 'late', '2026-11-02'],
      [2, 'open', '2026-12-10'],
    ]);
    expect(now.overdueOnBoard).toEqual([]);
    // After the deferral ends the 100,000 held is overdue on both.
    t.app.clock.set('2026-12-11T02:00:00Z');
    now = await both(c.id);
    expect(now.ledger.overdueFen).toBe(100_000);
    expect(now.overdueOnBoard).toEqual([2]);
  });

  it('a deferral of the whole account stops every receipt\'s clock on both until its end date', async () => {
    court();
    const c = await fileCase({ account: true });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 400_000, on: '2026-10-01', source: 'voluntary' }, 'money1');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 100_000, on: '2026-10-05', source: 'voluntary' }, 'money1');
    await t.call('ledger.record', { kind: 'deferral', caseId: c.id, ground: '案件中止或暂缓执行', reason: '案外人异议审查中', until: '2026-12-10', approverId: idOf('chief') }, 'money1');
    let now = await both(c.id);
    expect(now.ledger.overdueFen).toBe(0);
    expect(now.board.map((d) => [d.status, d.dueOn])).toEqual([
      ['open', '2026-12-10'],
      ['open', '2026-12-10'],
    ]);
    expect(now.overdueOnBoard).toEqual([]);
    t.app.clock.set('2026-12-11T02:00:00Z');
    now = await both(c.id);
    expect(now.ledger.overdueFen).toBe(500_000);
    expect(now.overdueOnBoard).toEqual([1, 2]);
  });
});

describe('the payout approvers (setting payoutApprovers, 法发〔2017〕6号)', () => {
  it('defaults to every active leader; once named, only those approve, checked by the server', async () => {
    court();
    const c = await fileCase({ account: true });
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 300_000, on: '2026-11-19', source: 'voluntary' }, 'money1');
    expect((await t.call('ledger.approvers', {}, 'money1')).map((a) => a.displayName)).toEqual(['chief', 'chief2']);

    // Only the administrator names them, and only active leaders.
    const notAdmin = await t.fail('settings.set', { payoutApprovers: [idOf('chief2')] }, 'chief');
    expect(notAdmin).toMatchObject({ code: 'forbidden', field: 'payoutApprovers' });
    const money = await t.fail('settings.set', { payoutApprovers: [idOf('money1')] });
    expect(money).toMatchObject({ field: 'payoutApprovers', message: '案款审批人“money1”不是综合管理人员（局长或分管院领导）' });
    expect((await t.fail('settings.set', { payoutApprovers: [9999] })).field).toBe('payoutApprovers');
    await t.call('settings.set', { payoutApprovers: [idOf('chief2')] });
    expect((await t.call('settings.get', {})).payoutApprovers).toEqual([idOf('chief2')]);

    expect((await t.call('ledger.approvers', {}, 'money1')).map((a) => a.displayName)).toEqual(['chief2']);
    const refused = await t.fail('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('chief') }, 'money1');
    expect(refused).toMatchObject({ field: 'approverId', message: '审批人须为设置“案款审批人”中所列的在职人员' });
    for (const kind of ['deferral', 'refund'] as const) {
      const input = kind === 'deferral' ? { kind, caseId: c.id, ground: '需要参与分配' as const, reason: '争议', until: '2026-12-10', approverId: idOf('chief') } : { kind, caseId: c.id, amountFen: 100, payeeName: '李四', reason: '多缴', approverId: idOf('chief') };
      expect((await t.fail('ledger.record', input, 'money1')).field).toBe('approverId');
    }
    expect((await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 100_000, approverId: idOf('chief2') }, 'money1')).paidOutFen).toBe(100_000);

    // A change of the payout account too: a leader not named cannot approve it.
    const asked = await t.call('ledger.requestPayoutAccount', { caseId: c.id, ...ACCOUNT }, 'money1');
    expect((await t.fail('ledger.decidePayoutAccount', { caseId: c.id, requestId: asked.pendingAccount!.id, approve: true }, 'chief')).field).toBe('requestId');
    await t.call('ledger.decidePayoutAccount', { caseId: c.id, requestId: asked.pendingAccount!.id, approve: true }, 'chief2');

    // Emptied: every active leader again.
    await t.call('settings.set', { payoutApprovers: [] });
    expect((await t.call('ledger.approvers', {}, 'money1')).map((a) => a.displayName)).toEqual(['chief', 'chief2']);
  });
});
