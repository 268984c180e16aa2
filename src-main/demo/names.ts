import type { Rng } from './random';

// Plausible Chinese names for the demo, weighted towards the surnames common in north-east China
// and eastern Inner Mongolia, with a share of Mongolian names as they appear on Kailu IDs.

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 90], ['李', 85], ['张', 80], ['刘', 75], ['于', 30], ['孙', 35], ['赵', 35], ['高', 25], ['杨', 35], ['马', 25],
  ['郭', 20], ['宋', 18], ['徐', 18], ['吴', 18], ['陈', 25], ['周', 16], ['韩', 16], ['冯', 12], ['邓', 8], ['曹', 10],
  ['田', 10], ['董', 12], ['姜', 12], ['崔', 10], ['白', 14], ['包', 12], ['朱', 10], ['胡', 10], ['何', 8], ['林', 6],
  ['郝', 9], ['谷', 6], ['孟', 9], ['常', 8], ['付', 9], ['梁', 8], ['贾', 8], ['齐', 7], ['侯', 7], ['任', 7],
  ['石', 7], ['闫', 8], ['苏', 6], ['魏', 7], ['邢', 5], ['尹', 5], ['曲', 5], ['鲍', 5], ['佟', 4], ['关', 5],
  ['范', 6], ['金', 6], ['程', 5], ['袁', 5], ['薛', 5], ['肖', 5], ['丁', 5], ['蔡', 4], ['潘', 4], ['姚', 5],
  ['卢', 4], ['谢', 4], ['黄', 6], ['许', 6], ['宫', 3], ['庞', 3], ['葛', 3], ['岳', 4], ['秦', 4], ['武', 5],
];

const MALE_CHARS = '军伟强磊勇杰涛明超刚平辉鹏华飞波斌宇浩凯健俊旭龙林峰海成东志文德福贵春永亮坤鑫宏喜山江彬晨阳'.split('');
const FEMALE_CHARS = '丽静敏燕艳娟霞芳娜丹玲萍红玉兰凤梅秀英慧婷雪琳晶颖佳欣月莹荣桂华洁倩微丽琴爽'.split('');
const MIDDLE_CHARS = '建国玉春海志立宝金德长永俊晓继庆秀淑桂丽凤彦文树振红学雅子'.split('');
const OLD_MALE = ['建国', '国庆', '建军', '振华', '德福', '长海', '玉林', '树林', '宝山', '金山', '永发', '凤山'];
const OLD_FEMALE = ['玉兰', '桂芝', '淑芬', '秀英', '凤琴', '桂兰', '淑珍', '玉珍', '秀兰', '凤霞', '玉梅', '桂荣'];
const MONGOLIAN_MALE = ['巴特尔', '宝音图', '额尔敦', '阿拉坦', '朝鲁', '那仁满都拉', '吉日嘎拉', '苏和', '特木尔', '乌力吉', '孟和', '白音仓'];
const MONGOLIAN_FEMALE = ['乌云', '其木格', '苏日娜', '萨仁高娃', '娜仁花', '塔娜', '斯琴', '高娃', '乌兰', '托娅', '琪琪格', '阿荣'];

export function personName(rng: Rng, sex: '男' | '女', birthYear: number): string {
  if (rng.chance(0.05)) {
    // Mongolian given names are written alone, or after a Han-style surname (包/白/韩 are common).
    const given = rng.pick(sex === '男' ? MONGOLIAN_MALE : MONGOLIAN_FEMALE);
    return rng.chance(0.4) ? rng.pick(['包', '白', '韩', '宝']) + given : given;
  }
  const surname = rng.weighted(SURNAMES);
  if (birthYear < 1968 && rng.chance(0.35)) return surname + rng.pick(sex === '男' ? OLD_MALE : OLD_FEMALE);
  const chars = sex === '男' ? MALE_CHARS : FEMALE_CHARS;
  // Single-character given names were common up to the 1990s, rarer since.
  if (rng.chance(birthYear < 1990 ? 0.35 : 0.15)) return surname + rng.pick(chars);
  return surname + rng.pick(MIDDLE_CHARS) + rng.pick(chars);
}

const TRADE_NAMES = ['鑫源', '宏达', '兴旺', '金禾', '丰泽', '富民', '广源', '恒通', '顺达', '盛隆', '天成', '瑞丰', '永盛', '德隆', '华泰', '金谷', '沃土', '绿源', '科丰', '嘉禾', '万通', '聚丰', '福瑞', '隆昌', '亿佳', '众鑫', '泰和', '东升', '北辰', '汇丰源'];
const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['红干椒购销', 6], ['粮食经销', 6], ['农业开发', 5], ['农机销售', 4], ['建筑工程', 6], ['商贸', 8], ['物流', 3],
  ['牧业', 4], ['房地产开发', 3], ['饲料', 3], ['种业', 3], ['汽车销售服务', 3], ['餐饮管理', 2], ['农资', 4], ['建材', 4], ['热力', 1],
];

export type OrgKind = 'company' | 'individualBusiness' | 'coop';

/** A company, an individual business (个体工商户) or a farmers' co-operative, named after its township. */
export function orgName(rng: Rng, kind: OrgKind, township: string, owner: string): string {
  const trade = rng.pick(TRADE_NAMES);
  if (kind === 'coop') return `开鲁县${trade}${rng.pick(['种植', '养殖', '农机', '红干椒种植', '玉米种植'])}专业合作社`;
  if (kind === 'individualBusiness') {
    const shop = rng.pick(['饭店', '农资商店', '建材商店', '超市', '汽车修理部', '粮食收购点', '家电商场']);
    return `开鲁县${township}${owner.slice(0, 1)}${rng.pick(['记', '氏', '家'])}${shop}`;
  }
  const industry = rng.weighted(INDUSTRIES);
  const prefix = rng.chance(0.85) ? '开鲁县' : '通辽市';
  return `${prefix}${trade}${industry}${rng.chance(0.8) ? '有限公司' : '有限责任公司'}`;
}

/** Financial institutions that file enforcement of loan judgments in a county court. */
export const LENDERS = [
  '中国农业银行股份有限公司开鲁县支行',
  '中国邮政储蓄银行股份有限公司开鲁县支行',
  '中国建设银行股份有限公司开鲁支行',
  '内蒙古开鲁农村商业银行股份有限公司',
  '内蒙古银行股份有限公司通辽开鲁支行',
  '开鲁县蒙银村镇银行股份有限公司',
  '通辽市科尔沁区鑫盛小额贷款有限公司',
] as const;
