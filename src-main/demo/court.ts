import { setSettings } from '../services/settings/settings';
import { COURT_CODE, COURT_NAME, demoTeams } from './kailu';
import { officeTime, type DemoStep } from './steps';

/**
 * The demo's yearly cap per judge: about 10 % above an even share. Of a year's cases about 83 % reach a
 * judge (not 执保, not closed before triage), shared by the eight tribunal judges and the fast-track
 * judge; the fast-track judge's share is set by how many debtors pay at once, so the eight tribunal
 * judges are the ones the cap evens out. 4,000 cases a year give 457.
 */
export function demoAssignmentCap(casesPerYear: number): number {
  return Math.max(10, Math.ceil(((casesPerYear * 0.83) / 8) * 1.1));
}

/** Step 1: the court itself — name, code, the enforcement account and the teams that cases are routed to. */
export const courtStep: DemoStep = {
  id: 'court',
  label: '法院与团队设置',
  run(ctx) {
    const at = officeTime(`${ctx.options.fromYear}-01-01`, 0);
    ctx.db.tx(() => {
      setSettings(ctx.db, ctx.admin, at, {
        courtName: COURT_NAME,
        courtCode: COURT_CODE,
        officeAddress: '内蒙古自治区通辽市开鲁县开鲁镇新华大街（演示地址）',
        officePhone: '0475-6500000',
        caseAccount: { bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户（演示）', accountNumber: '05470101040009999' },
        teams: demoTeams(),
        courtPresident: '赵国庆（演示）',
        // Kailu sends the notice, the property-report order and the consumption order together (seeds/003).
        consumptionOrderTiming: 'withNotice',
        // 均衡分案 (seeds/003: the command centre balances the judges' caseloads, none over 400 a year):
        // the cap counts the year's assignments, so the county seat's tribunal, whose township files
        // most cases, overflows to the lightest team instead of holding three times the others'.
        assignment: { cap: demoAssignmentCap(ctx.options.casesPerYear), capBasis: 'assignedThisYear' },
      });
      // Marks the whole database as demo data (system.info shows it), in the same transaction as its first write.
      ctx.db.rawRun("INSERT INTO meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
      ctx.db.rawRun("INSERT INTO meta (key, value) VALUES ('demo_seed', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", String(ctx.options.seed));
    });
    ctx.summary.court = { name: COURT_NAME, code: COURT_CODE, teams: demoTeams().length };
  },
};
