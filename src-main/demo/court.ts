import { setSettings } from '../services/settings/settings';
import { COURT_CODE, COURT_NAME, demoTeams } from './kailu';
import { officeTime, type DemoStep } from './steps';

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
      });
      // Marks the whole database as demo data (system.info shows it), in the same transaction as its first write.
      ctx.db.rawRun("INSERT INTO meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
      ctx.db.rawRun("INSERT INTO meta (key, value) VALUES ('demo_seed', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", String(ctx.options.seed));
    });
    ctx.summary.court = { name: COURT_NAME, code: COURT_CODE, teams: demoTeams().length };
  },
};
