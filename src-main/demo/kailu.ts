import type { TeamSetting } from '../../src-shared/settings';

// The reference court of the demo: 开鲁县人民法院 (Kailu County, 通辽市, Inner Mongolia).
// Court code 内0523 = 内 + last four digits of the county's division code 150523 (domain.md §1.2).
export const COURT_NAME = '开鲁县人民法院';
export const COURT_CODE = '内0523';
export const COUNTY_PREFIX = '内蒙古自治区通辽市开鲁县';
export const INTERMEDIATE_COURT = '内蒙古自治区通辽市中级人民法院';
export const INTERMEDIATE_CODE = '内05';

/**
 * The eight townships of 开鲁县 that each have a people's tribunal with an enforcement team (the "181"
 * model, seeds/003). Weights are rough shares of the county's population and caseload (the county seat
 * carries the most). Village and street names below are generated placeholders typical of the region,
 * not a verified gazetteer; 吉日嘎郎吐镇 and the state farms can be routed by adding them to a
 * tribunal's `areas` in the settings.
 */
export interface Township {
  name: string;
  teamId: string;
  weight: number;
  villages: readonly string[];
}

export const TOWNSHIPS: readonly Township[] = [
  { name: '开鲁镇', teamId: 'kailu', weight: 30, villages: ['城东社区', '城西社区', '民主社区', '胜利社区', '团结社区', '新华社区', '福兴地村', '七家子村', '北清河村', '西湖村'] },
  { name: '东风镇', teamId: 'dongfeng', weight: 10, villages: ['东风村', '永兴村', '太平村', '三合村', '新立村', '前进村', '双井村', '红星村'] },
  { name: '大榆树镇', teamId: 'dayushu', weight: 11, villages: ['大榆树村', '二龙村', '新发村', '长胜村', '双山村', '东升村', '兴隆村', '保安村'] },
  { name: '黑龙坝镇', teamId: 'heilongba', weight: 9, villages: ['黑龙坝村', '后坝村', '南宝力皋村', '胜利村', '光明村', '东来村', '永丰村'] },
  { name: '麦新镇', teamId: 'maixin', weight: 9, villages: ['麦新村', '道德营子村', '新民村', '和平村', '中心村', '先锋村', '富裕村'] },
  { name: '义和塔拉镇', teamId: 'yihetala', weight: 10, villages: ['义和塔拉村', '哈拉村', '西艾力村', '东艾力村', '福祥村', '同心村', '新城村'] },
  { name: '建华镇', teamId: 'jianhua', weight: 10, villages: ['建华村', '北兴村', '新合村', '德胜村', '幸福村', '东风村', '向阳村'] },
  { name: '小街基镇', teamId: 'xiaojieji', weight: 11, villages: ['小街基村', '三星村', '吉祥村', '兴业村', '四合村', '永安村', '利民村'] },
];

/** Streets and estates of the county seat, for addresses of town dwellers and businesses. */
export const TOWN_STREETS = ['团结路', '新华大街', '解放路', '民主路', '胜利街', '和平路', '建设大街', '育新路', '工业路', '站前街'] as const;
export const TOWN_ESTATES = ['金色家园', '阳光小区', '盛世华府', '锦绣花园', '和谐家园', '文化苑小区', '福源小区', '御景园', '康居小区'] as const;

/**
 * Division codes a resident ID of someone living in Kailu may carry (GB/T 2260): 150523 since 1999,
 * 152323 for 哲里木盟开鲁县 before the league became 通辽市 (older residents keep it on their cards),
 * and the neighbouring counties of 通辽市.
 */
export const KAILU_CODE = '150523';
export const KAILU_OLD_CODE = '152323';
export const NEIGHBOUR_CODES: readonly (readonly [string, number])[] = [
  ['150502', 5], // 科尔沁区
  ['150521', 3], // 科尔沁左翼中旗
  ['150522', 1], // 科尔沁左翼后旗
  ['150525', 1], // 奈曼旗
  ['150526', 1], // 扎鲁特旗
  ['152301', 1], // 通辽市 (哲里木盟时期的县级市)
];

/** The teams of the demo court, as settings (分案 routes by `areas`). */
export function demoTeams(): TeamSetting[] {
  const tribunals: TeamSetting[] = TOWNSHIPS.map((t) => ({
    id: t.teamId,
    name: `${t.name.replace(/镇$/, '')}法庭执行团队`,
    kind: 'tribunal',
    areas: [t.name],
    active: true,
    judgeId: null,
    clerkId: null,
  }));
  return [
    { id: 'centre', name: '执行指挥中心', kind: 'centre', areas: [], active: true, judgeId: null, clerkId: null },
    { id: 'fast', name: '快执团队', kind: 'fastTrack', areas: [], active: true, judgeId: null, clerkId: null },
    ...tribunals,
    { id: 'detention', name: '拘传团队', kind: 'other', areas: [], active: true, judgeId: null, clerkId: null },
  ];
}
