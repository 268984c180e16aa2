import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { caseScopeText } from '../../src-shared/api/caseScope';
import { ROLES, ROLE_NAMES, type Role } from '../../src-shared/api/roles';
import { roleMayCall } from '../../src-main/services/auth/roleCatalogue';

// Who may call what. The expectation is the table below, written by hand from the command
// centre's division of work (design.md §1, domain.md §8) — not computed from the registry's access
// rule — and every method is called by a user holding each single role: a method opened to a role
// it is not listed for (say ledger.record to everyone) fails here. A method added to the contract
// fails too until it is placed in this table.
//
// docs/permissions.md is generated from the registry (what the code does) and checked in; this
// test fails when it is stale: `npm run docs` regenerates it.

/** No session needed. */
const PUBLIC = ['auth.login', 'recovery.restore', 'recovery.status', 'system.info', 'system.setup', 'system.status'];

/** Every logged-in user: reading the register (narrowed to a tribunal team's own cases), one's own account, reference data. */
const EVERY_USER = [
  // The coercion figures of the 质效统计 dashboard (narrowed to the user's cases).
  'coercion.periodFigures',
  'archive.requeryBatch', 'archive.requeryBatches', 'archive.reviewStats',
  'assets.list', 'assignment.explain', 'assignment.loads', 'assignment.run', 'assignment.runs', 'audit.forCase',
  'auth.logout', 'auth.me', 'calendar.addWorkingDays', 'calendar.get', 'cases.counts', 'cases.get', 'cases.list',
  'cases.reveal', 'closure.checklist', 'closure.get', 'deadlines.board', 'deadlines.cases', 'deadlines.forCase',
  'documents.banQueue', 'documents.batches', 'documents.file', 'documents.list', 'documents.queue', 'documents.templates',
  'inquiries.batches', 'inquiries.get', 'jobs.cancel', 'jobs.get', 'jobs.list', 'ledger.get', 'measures.batch',
  'measures.list', 'metrics.compute', 'metrics.dashboard', 'metrics.definitions', 'metrics.drilldown',
  'reports.dashboardPdf', 'reports.dashboardXlsx', 'roles.list', 'settings.get', 'system.health', 'users.setPassword',
  // a case page says which case it shows, so others see who has it open (live/presence.ts)
  'presence.set',
  'credit.case', 'credit.register', 'credit.figures',
  // Compulsory measures of the cases one may see (narrowed), and who may approve them.
  'coercion.requests', 'coercion.measures', 'coercion.referrals', 'coercion.people',
  // The case page: its summary and print, its records, notes, attachments and requests; one's own to-do list.
  'cases.workspace', 'cases.printSummary', 'records.list', 'notes.list', 'attachments.list', 'attachments.file',
  'transfers.list', 'closure.requests', 'todo.mine', 'todo.badges',
  // The server-paged grids of the register's lists (narrowed), their export (each grid's own access checked inside) and its download.
  'grids.archive', 'grids.requeryDue', 'grids.assets', 'grids.measures', 'grids.export', 'grids.download',
];

/** Online query and control, done by whoever works the case's property (查控). */
const QUERY_AND_CONTROL = ['inquiries.createBatch', 'inquiries.exportRequest', 'inquiries.importFeedback', 'measures.createBatch', 'measures.recordResult', 'measures.release', 'measures.renew'];
const SUSPENSIONS = ['cases.suspend', 'cases.unsuspend'];
const CLOSING = ['closure.attest', 'closure.close', 'grids.closureReady'];
/** What every desk keeps on a case it works: notes and scans. */
const CASE_FILE = ['notes.add', 'attachments.upload'];
/** The officers who act on a case and talk to its parties: work records (笔录), single documents, service. */
const CASE_WORK = ['records.create', 'records.print', 'documents.generate', 'documents.markServed'];
/** A tribunal or fast-track team asks the management to move a case, and the 终本 group to close one as 终本. */
const TEAM_REQUESTS = ['transfers.request', 'closure.request'];
/** Recording the title's terms the documents recite, and who signs the case's rulings (民诉法 Art. 157). */
const TITLE_AND_OFFICERS = ['cases.updateTitle', 'cases.setOfficers'];
/** Credit sanctions (desks.md §5): the case teams and the notice desk list, restrict, delete and lift; 综合管理 supervises. */
const CREDIT = [
  'credit.checkBars', 'credit.list', 'credit.requestRemoval', 'credit.delete', 'credit.fileCorrection', 'credit.decideCorrection', 'credit.applyCorrection',
  'credit.restrict', 'credit.permit', 'credit.reportViolation', 'credit.followUpViolation', 'credit.lift',
  // The applicant's request to list (decided within 15 days) and the re-listing a reversed payment offers.
  'credit.requestListing', 'credit.rejectListingRequest', 'credit.dismissRelist',
];
/** A case team asks the detention team for help (拘传, 拘留, 罚款, 搜查) and may withdraw the request. */
const COERCION_REQUEST = ['coercion.request', 'coercion.withdraw'];
/** What the team that handles the case decides with the president's approval (民诉法 Arts. 118–119, 259), and the reviews. */
const COERCION_DECISIONS = [
  'coercion.fine', 'coercion.detain', 'coercion.releaseEarly', 'coercion.fileReview', 'coercion.reviewDecision', 'coercion.warrant', 'coercion.searchRecord',
  // Leave from detention granted or refused by the deciding court within 12 h (拘留所条例 第27条); the
  // president's after-approval of an emergency detention recorded (民诉法解释 第181条).
  'coercion.leave', 'coercion.leaveRefuse', 'coercion.emergencyDecision',
];
/** Referral for 拒执罪 and its answers: the case's team. */
const REFERRAL = ['coercion.refer', 'coercion.policeAnswer', 'coercion.privateProsecution'];

/** What each role may call beyond EVERY_USER. The administrator may call everything. */
const ALLOWED: Record<Exclude<Role, 'admin'>, string[]> = {
  // 窗口立案: filing, the 执恢 filing of a resumed case, and the acceptance documents handed over at filing.
  window: ['cases.file', 'cases.validate', 'cases.resume', 'cases.updateTitle', ...CASE_FILE, 'documents.generate', 'documents.printAcceptance'],
  // 文书查控: notices and service, query/control, triage and distribution.
  docsQuery: [
    'documents.generateBatch', 'documents.printAcceptance', ...CASE_WORK, ...CASE_FILE, ...QUERY_AND_CONTROL, 'inquiries.queue', ...SUSPENSIONS,
    ...TITLE_AND_OFFICERS, 'caseAccounts.set',
    'triage.propose', 'triage.confirm', 'assignment.distribute', 'fastTrack.queue', ...CREDIT,
  ],
  // 快执团队: its queue, query/control, closing, sending a case back to triage; paying out its own
  // fast-track cases and recording the applicant's payout account (services/ledger/entries.ts).
  fastTrack: ['ledger.record', 'ledger.approvers', 'ledger.requestPayoutAccount', ...TITLE_AND_OFFICERS, ...QUERY_AND_CONTROL, 'inquiries.queue', ...SUSPENSIONS, ...CLOSING, 'fastTrack.queue', 'fastTrack.sendBack', ...CREDIT, ...COERCION_REQUEST, ...COERCION_DECISIONS, ...REFERRAL, ...CASE_WORK, ...CASE_FILE, ...TEAM_REQUESTS],
  // 法庭执行团队: query/control and closing of its own cases.
  team: [...TITLE_AND_OFFICERS, ...QUERY_AND_CONTROL, 'inquiries.queue', ...SUSPENSIONS, ...CLOSING, ...CREDIT, ...COERCION_REQUEST, ...COERCION_DECISIONS, ...REFERRAL, ...CASE_WORK, ...CASE_FILE, ...TEAM_REQUESTS],
  // 案款专员: the ledger and the results of deductions.
  money: ['caseAccounts.set', 'caseAccounts.import', 'ledger.record', 'ledger.approvers', 'ledger.requestPayoutAccount', 'grids.ledgerAccounts', 'ledger.unidentified', 'ledger.addUnidentified', 'ledger.claimUnidentified', 'ledger.payoutList', 'measures.recordResult', ...CASE_FILE],
  // 终本管控: the 终本 archive and its re-queries, resumption, query/control and closing.
  zhongben: [
    'archive.update', 'archive.review', 'archive.createRequeryBatch', 'archive.collectResults', 'archive.recordResults',
    'cases.resume', 'cases.updateTitle', ...QUERY_AND_CONTROL, ...CLOSING, ...COERCION_REQUEST, ...COERCION_DECISIONS, ...REFERRAL, ...CASE_WORK, ...CASE_FILE, 'closure.decide',
  ],
  // 综合管理: supervision, reports, city level, backups, operational settings, user list.
  management: [
    'archive.review', 'assignment.distribute', 'assignment.reassign', 'grids.audit', 'grids.ledgerAccounts', 'cases.setOfficers', 'audit.slip', 'audit.slips', 'audit.verify', 'backups.create',
    'backups.list', 'calendar.set', ...SUSPENSIONS, 'city.drilldown', 'city.import', 'city.imports', 'city.ranking',
    'closure.correct', 'fastTrack.queue', 'fastTrack.sendBack', 'inquiries.queue', 'ledger.payoutList',
    // The leaders approve money leaving a case account and changes of the payout account (法发〔2017〕6号, domain.md §7).
    'ledger.approvers', 'ledger.decidePayoutAccount',
    'ledger.unidentified', 'reports.download', 'reports.exportMonthly', 'reports.exports', 'settings.set',
    'triage.confirm', 'triage.propose', 'users.list', ...CREDIT, 'credit.exportEntries', ...COERCION_REQUEST, 'coercion.operations', 'coercion.figures', ...CASE_FILE, 'transfers.decide',
  ],
  // 司法警察（拘传团队）: the requests sent to it, its sweeps, 拘传 and custody, outcomes back to the
  // case (an on-the-spot payment into the ledger), the decisions it carries out, its figures.
  detention: [
    'coercion.operations', 'coercion.planOperation', 'coercion.finishOperation', 'coercion.outcome', 'coercion.compel', 'coercion.endQuestioning',
    'coercion.notifyFamily', 'coercion.medical', 'coercion.handOver', 'coercion.leaveApply', 'coercion.leaveReturn', 'coercion.release', 'coercion.figures',
    ...COERCION_DECISIONS,
  ],
};

function expectedAllowed(role: Role, method: string): boolean {
  if (PUBLIC.includes(method) || role === 'admin') return true;
  return EVERY_USER.includes(method) || ALLOWED[role].includes(method);
}

const DOC = 'docs/permissions.md';
const specs = Object.entries(methods as Record<string, MethodSpec>).sort(([a], [b]) => a.localeCompare(b));

function accessLabel(spec: MethodSpec): string {
  if (spec.access === 'public') return '无需登录';
  if (spec.access === 'user') return '任何登录用户';
  return (['admin', ...spec.access.filter((r) => r !== 'admin')] as Role[]).map((r) => ROLES[r]).join('、');
}

/** docs/permissions.md: what the registry does, with each method's case declaration. */
export function permissionsTable(): string {
  const head = `| 接口 | 说明 | ${ROLE_NAMES.map((r) => ROLES[r]).join(' | ')} |`;
  const sep = `|---|---|${ROLE_NAMES.map(() => ':-:').join('|')}|`;
  const rows = specs.map(([name, spec]) => {
    const cells = ROLE_NAMES.map((r) => (spec.access === 'public' ? '○' : roleMayCall(r, spec) ? '✓' : '—'));
    return `| \`${name}\` | ${spec.summary.replace(/\|/g, '｜')}${spec.writes ? '（写）' : ''} | ${cells.join(' | ')} |`;
  });
  return [
    '# 角色与接口权限表',
    '',
    '由 `tests/integration/permissions.test.ts` 根据接口注册表（`src-shared/api`）生成，请勿手工修改；',
    '接口或权限变化后运行 `npm run docs` 重新生成。',
    '',
    '✓ 可调用　— 拒绝（`403 {"ok":false,"error":{"code":"forbidden"}}`）　○ 无需登录。',
    '权限在接口注册表中对每次调用检查（不只在界面上隐藏）；系统管理员可调用全部接口。',
    '',
    '## 案件范围',
    '',
    '只有“法庭执行团队”角色的用户只能查看、办理本团队的案件（未设置团队时一件也看不到），除非被授予“可查看全部案件”；只有“司法警察”角色的用户只能查看、办理向其提出协助申请的案件。',
    '每个接口在注册表中声明它涉及哪些案件（`MethodSpec.cases`，见 `src-shared/api/caseScope.ts`），注册表在处理前执行这一声明：',
    '',
    '- **输入中的编号**：按种类（案件、财产、控制措施、文书、文书批次及其合并打印文件、查控批次、控制批次、复查批次、案款分录、长任务、分案批次、团队、承办法官、笔录、附件、移交申请、终本申请）找到所涉案件，任何一件不属本团队即拒绝（403，并指出字段）。批次、打印文件、分案批次、长任务属于其中的全部案件：须每一件都属本团队；长任务也属于发起人，只有发起人（或系统管理员）可以取消。',
    '- **结果只含本人可见的案件**：列表、计数、导航角标、看板、指标与穿透、导出由处理程序按调用者的范围收窄；团队用户看全院指标时得到本团队的指标。',
    '- **不涉及案件数据** 或 **全院范围**：全院范围的接口不得向只看本团队案件的角色开放，否则程序启动时即拒绝注册。',
    '',
    '身份证号、电话、银行账号、由身份证号得出的出生日期在所有接口的结果中一律遮盖（对所有角色），完整内容只能通过 `cases.reveal` 查看，查看行为记入案件日志。',
    '',
    head,
    sep,
    ...rows,
    '',
    '## 各接口的访问规则与案件范围',
    '',
    '| 接口 | 允许 | 案件范围 |',
    '|---|---|---|',
    ...specs.map(([name, spec]) => `| \`${name}\` | ${accessLabel(spec)} | ${caseScopeText(spec.cases)} |`),
    '',
  ].join('\n');
}

let t: TestApp;
const users = new Map<Role, string>();
beforeAll(() => {
  t = openTestApp();
  for (const role of ROLE_NAMES) users.set(role, t.user(`role_${role}`, [role], role === 'team' ? 'T1' : null));
});
afterAll(async () => t?.close());

// Sessions are reused, and renewed when a method (auth.logout) ended one.
const tokens = new Map<string, string>();
async function contextFor(username: string) {
  let token = tokens.get(username);
  if (!token || !t.app.sessions.resolve(t.app.db, token)) {
    const login = await t.app.registry.call('auth.login', { username, password: 'password-1' }, t.app.internalContext());
    if (!login.ok) throw new Error(`${username} login: ${login.error.message}`);
    token = (login.data as { token: string }).token;
    tokens.set(username, token);
  }
  return { app: t.app, user: t.app.sessions.resolve(t.app.db, token), token, workstation: 'perm-test', transport: 'internal' as const };
}

// A probe no schema accepts, so an allowed call stops at validation and never runs the handler.
const PROBE = Symbol('probe');

describe('permissions: every role × every method against the hand-written table', () => {
  it('names every method of the contract exactly once in the table (a new method must be placed)', () => {
    const listed = new Set([...PUBLIC, ...EVERY_USER, ...Object.values(ALLOWED).flat()]);
    const unknown = [...listed].filter((m) => !(m in methods));
    expect(unknown, 'methods in the table but not in the contract').toEqual([]);
    for (const role of Object.keys(ALLOWED) as Exclude<Role, 'admin'>[]) {
      const twice = ALLOWED[role].filter((m, i, all) => all.indexOf(m) !== i || EVERY_USER.includes(m));
      expect(twice, `${role}: listed twice`).toEqual([]);
    }
  });

  for (const [name] of specs) {
    it(name, async () => {
      for (const role of ROLE_NAMES) {
        const ctx = await contextFor(users.get(role)!);
        const r = await t.app.registry.call(name, PROBE, ctx);
        const got = r.ok ? 'ok' : r.error.code;
        if (expectedAllowed(role, name)) expect(got, `${ROLES[role]}（${role}）may call ${name}`).not.toBe('forbidden');
        else expect(got, `${ROLES[role]}（${role}）may not call ${name}`).toBe('forbidden');
      }
      // And without a session only public methods pass.
      const anon = await t.app.registry.call(name, PROBE, t.app.internalContext());
      const got = anon.ok ? 'ok' : anon.error.code;
      if (PUBLIC.includes(name)) expect(got).not.toBe('unauthorized');
      else expect(got, `${name} without a session`).toBe('unauthorized');
    });
  }

  it(`${DOC} is the table generated from the registry`, () => {
    const table = permissionsTable();
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, table);
    const checkedIn = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(checkedIn, `${DOC} is stale: run npm run docs`).toBe(table);
  });
});
