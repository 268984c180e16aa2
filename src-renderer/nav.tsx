import { lazy, type ComponentType } from 'react';
import type { Role } from '../src-shared/api/roles';
import type { CaseStage } from '../src-shared/domain/stages';

/**
 * Each page is its own chunk, loaded when its route is first opened (the shell renders it inside
 * Suspense): a clerk at the filing window never downloads the dashboard's charts.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const TodoPage = page(() => import('./pages/TodoPage'), 'TodoPage');
const FilingPage = page(() => import('./pages/FilingPage'), 'FilingPage');
const CasesPage = page(() => import('./pages/CasesPage'), 'CasesPage');
const SettingsPage = page(() => import('./pages/SettingsPage'), 'SettingsPage');
const TemplatesPage = page(() => import('./pages/TemplatesPage'), 'TemplatesPage');
const ClosurePage = page(() => import('./pages/ClosurePage'), 'ClosurePage');
const ArchivePage = page(() => import('./pages/ArchivePage'), 'ArchivePage');
const MetricsPage = page(() => import('./pages/MetricsPage'), 'MetricsPage');
const InquiriesPage = page(() => import('./pages/InquiriesPage'), 'InquiriesPage');
const ControlPage = page(() => import('./pages/ControlPage'), 'ControlPage');
const LedgerPage = page(() => import('./pages/LedgerPage'), 'LedgerPage');
const NoticesPage = page(() => import('./pages/NoticesPage'), 'NoticesPage');
const TriagePage = page(() => import('./pages/TriagePage'), 'TriagePage');
const FastTrackPage = page(() => import('./pages/FastTrackPage'), 'FastTrackPage');
const TeamsPage = page(() => import('./pages/TeamsPage'), 'TeamsPage');
const DeadlinesPage = page(() => import('./pages/DeadlinesPage'), 'DeadlinesPage');
const UsersPage = page(() => import('./pages/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('./pages/AuditPage'), 'AuditPage');
const BackupsPage = page(() => import('./pages/BackupsPage'), 'BackupsPage');
const CreditPage = page(() => import('./pages/CreditPage'), 'CreditPage');
const DetentionPage = page(() => import('./pages/DetentionPage'), 'DetentionPage');

export interface NavEntry {
  /** Route, e.g. '/filing'. */
  path: string;
  label: string;
  /** The page, or null while the stage is not built (the page then says so plainly). */
  page: ComponentType | null;
  /** What the stage does, shown on its not-built page. */
  description: string;
  /** Stages whose case count the navigation shows beside the label. */
  stages?: CaseStage[];
  roles?: Role[];
  /**
   * Overdue clocks shown in red beside the label (deadlines.board): 'stages' = of this entry's
   * stages (the default when it has stages), 'total' = all of them, 'none' = not shown.
   */
  overdue?: 'stages' | 'total' | 'none';
}

/**
 * The pipeline as navigation (design.md §8). Each entry lists the roles whose work the page is; a
 * user sees only those entries (the administrator sees all), and an entry's roles are a subset of
 * those the registry lets call the page's methods (tests/unit/navAccess.test.ts), so no page opens
 * on a refusal.
 */
export const NAV: NavEntry[] = [
  { path: '/todo', label: '我的待办', page: TodoPage, description: '本人或本团队今日到期、已超期和本周到期的案件，以及待本人审批的申请。', overdue: 'none' },
  { path: '/filing', label: '立案窗口', page: FilingPage, description: '登记执行案件，记录初次接待笔录。', stages: [], roles: ['window'] },
  { path: '/cases', label: '案件登记簿', page: CasesPage, description: '全部案件。' },
  { path: '/notices', label: '文书集约', page: NoticesPage, description: '新立案件的执行通知书、报告财产令、限制消费令批量制作与送达，立案后3个工作日内完成。', stages: ['filed'], roles: ['docsQuery'] },
  { path: '/inquiries', label: '网络查控', page: InquiriesPage, description: '批量生成查控请求文件、导入查控反馈，形成财产清单（24小时内发起）。', stages: ['query'], roles: ['docsQuery', 'fastTrack', 'team'] },
  { path: '/control', label: '财产控制', page: ControlPage, description: '对查控到的财产批量冻结、查封、扣划，续冻续封提醒与解除。', stages: ['control'], roles: ['docsQuery', 'fastTrack', 'team', 'zhongben'] },
  { path: '/triage', label: '繁简分流', page: TriagePage, description: '根据控制结果提出繁简分流建议，批量确认后移交快执团队或分案。', stages: ['triage', 'assignment'], roles: ['docsQuery', 'management'] },
  { path: '/fast-track', label: '快执', page: FastTrackPage, description: '扣划、发放、以执行完毕结案的快速通道。', stages: ['fastTrack'], roles: ['fastTrack', 'docsQuery', 'management'] },
  { path: '/teams', label: '团队办案', page: TeamsPage, description: '法庭执行团队的均衡分案与办理。', stages: ['team'], roles: ['team', 'management'] },
  { path: '/detention', label: '司法警察', page: DetentionPage, description: '拘传、拘留、罚款、搜查：执行团队的协助申请、集中拘传行动、人员状态与时钟、结果反馈。', roles: ['detention', 'team', 'fastTrack', 'zhongben', 'management'] },
  { path: '/ledger', label: '案款', page: LedgerPage, description: '一案一账号：到账、发放、暂缓、退款，30日发放期限与不明款。', roles: ['money', 'management'] },
  { path: '/credit', label: '失信与限消', page: CreditPage, description: '失信被执行人名单的纳入、删除（删除事由出现后3个工作日内）与纠正，限制消费令的被限制人、准许、举报与解除，名单库录入数据。', roles: ['team', 'fastTrack', 'docsQuery', 'management'] },
  { path: '/closure', label: '结案/终本', page: ClosurePage, description: '六种结案方式与终本核查清单、终本裁定书。', roles: ['zhongben', 'team', 'fastTrack'] },
  { path: '/archive', label: '终本库', page: ArchivePage, description: '终本案件归档、每6个月复查、质量评查与恢复执行。', stages: ['archived'], roles: ['zhongben', 'management', 'window'] },
  { path: '/deadlines', label: '节点监控', page: DeadlinesPage, description: '各环节法定和内部期限：已超期、今日到期、3个工作日内到期。', overdue: 'total', roles: ['management', 'docsQuery', 'fastTrack', 'team', 'zhongben', 'money'] },
  { path: '/metrics', label: '质效统计', page: MetricsPage, description: '执结率、到位率等指标，月度上报文件与中院汇总。', roles: ['management', 'zhongben'] },
  { path: '/settings', label: '设置', page: SettingsPage, description: '法院信息、团队、用户。', roles: ['admin', 'management'] },
  { path: '/templates', label: '文书模板', page: TemplatesPage, description: '文书措辞（占位符、以真实案件预览、版本记录）。', roles: ['admin'] },
  { path: '/users', label: '用户与权限', page: UsersPage, description: '用户、角色、所属团队与案件范围，重置密码。', roles: ['admin', 'management'] },
  { path: '/audit', label: '审计', page: AuditPage, description: '操作日志哈希链校验，按用户查看操作记录。', roles: ['management'] },
  { path: '/backups', label: '备份', page: BackupsPage, description: '数据库备份、保留规则与从备份恢复。', roles: ['management'] },
];

/**
 * Where a user lands: the window clerk on the filing window (their work is the next applicant),
 * everyone else on 我的待办 (what is due for them today and this week).
 */
export function landingPath(roles: readonly string[]): string {
  return roles.includes('window') && !roles.includes('admin') && roles.length === 1 ? '/filing' : '/todo';
}
