import { describe, expect, it } from 'vitest';
import { NAV, landingPath } from '../../src-renderer/nav';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { ROLE_NAMES, type Role } from '../../src-shared/api/roles';

// The navigation shows a role only its own pages, and a page it shows never opens on a refusal
// ("当前账号的角色无权执行此操作" above a false empty list). What each page reads when it opens,
// written out here from the pages' sources (not derived from the navigation under test):
const OPENING_READS: Record<string, string[]> = {
  '/todo': ['todo.mine'],
  '/filing': ['cases.validate', 'cases.file'],
  '/cases': ['cases.list'],
  '/notices': ['documents.queue', 'documents.templates', 'documents.batches', 'documents.generateBatch'],
  '/inquiries': ['inquiries.queue', 'inquiries.batches', 'inquiries.createBatch'],
  '/control': ['grids.assets', 'grids.measures', 'measures.createBatch'],
  '/triage': ['cases.list', 'triage.propose', 'assignment.loads', 'assignment.runs'],
  '/fast-track': ['fastTrack.queue'],
  '/teams': ['assignment.loads', 'cases.list'],
  '/ledger': ['grids.ledgerAccounts', 'ledger.unidentified'],
  '/detention': ['coercion.requests', 'coercion.measures', 'coercion.people'],
  '/credit': ['credit.register', 'credit.figures'],
  '/closure': ['grids.closureReady', 'cases.list', 'closure.checklist', 'closure.close'],
  '/archive': ['grids.archive', 'grids.requeryDue', 'archive.requeryBatches', 'archive.reviewStats', 'system.info'],
  '/deadlines': ['deadlines.board', 'deadlines.cases', 'calendar.get'],
  '/metrics': ['metrics.dashboard', 'metrics.definitions', 'system.info'],
  '/settings': ['settings.set', 'users.list'],
  '/templates': ['templates.list'],
  '/users': ['users.list', 'roles.list'],
  '/audit': ['audit.verify', 'audit.slips', 'users.list'],
  '/backups': ['backups.list'],
};

const may = (role: Role, method: string): boolean => {
  const spec = (methods as Record<string, MethodSpec>)[method];
  if (!spec) throw new Error(`no method ${method}`);
  return spec.access === 'public' || spec.access === 'user' || role === 'admin' || spec.access.includes(role);
};

describe('navigation by role', () => {
  it('lists for each page the roles that may make every call the page opens with', () => {
    for (const entry of NAV) {
      const reads = OPENING_READS[entry.path];
      expect(reads, `${entry.path} has its opening reads listed`).toBeDefined();
      const roles = entry.roles ?? ROLE_NAMES;
      for (const role of roles) for (const m of reads!) expect(may(role, m), `${entry.label} shown to ${role} but ${m} refuses it`).toBe(true);
    }
  });

  it('shows a tribunal team only its work: no filing window, notices, triage, money, metrics or administration', () => {
    const visible = (role: Role) => NAV.filter((n) => !n.roles || n.roles.includes(role)).map((n) => n.path);
    // A team asks the judicial police for a compelled appearance and lists its debtors (desks.md §2, §5).
    expect(visible('team')).toEqual(['/todo', '/cases', '/inquiries', '/control', '/teams', '/detention', '/credit', '/closure', '/deadlines']);
    expect(visible('window')).toEqual(['/todo', '/filing', '/cases', '/archive']);
    expect(visible('money')).toEqual(['/todo', '/cases', '/ledger', '/deadlines']);
    expect(visible('zhongben')).toEqual(['/todo', '/cases', '/control', '/detention', '/closure', '/archive', '/deadlines', '/metrics']);
  });

  it('lands the window clerk on the filing window and every other desk on 我的待办', () => {
    expect(landingPath(['window'])).toBe('/filing');
    for (const r of ['docsQuery', 'fastTrack', 'team', 'money', 'zhongben', 'management', 'admin'] as const) expect(landingPath([r])).toBe('/todo');
  });
});
