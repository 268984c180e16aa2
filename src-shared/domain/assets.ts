// Asset categories of the online query system (网络查控) and what a court may do with each.
// Labels are the Chinese names used in request and feedback files; codes are stored in the database.

export const ASSET_TYPES = ['deposit', 'payment', 'realEstate', 'vehicle', 'securities', 'housingFund', 'insurance', 'equity', 'other'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  deposit: '银行存款',
  payment: '网络支付账户',
  realEstate: '不动产',
  vehicle: '车辆',
  securities: '证券',
  housingFund: '住房公积金',
  insurance: '保险',
  equity: '股权',
  other: '其他',
};

/** Label → code, accepting the common variants clerks and feedback systems write. */
const LABEL_ALIASES: Record<string, AssetType> = {
  ...Object.fromEntries(ASSET_TYPES.map((t) => [ASSET_TYPE_LABELS[t], t])),
  存款: 'deposit',
  网络资金: 'payment',
  互联网银行: 'payment',
  第三方支付: 'payment',
  房产: 'realEstate',
  房地产: 'realEstate',
  土地: 'realEstate',
  机动车: 'vehicle',
  股票: 'securities',
  基金: 'securities',
  公积金: 'housingFund',
  商业保险: 'insurance',
  工商股权: 'equity',
};

export function assetTypeFromLabel(label: string): AssetType | undefined {
  return LABEL_ALIASES[label.normalize('NFKC').replace(/\s+/g, '')];
}

/** Words a feedback row uses for "nothing found" in the asset-type column. */
export const NOTHING_FOUND_LABELS = ['无', '无财产', '未查到', '未发现财产', '未查询到财产'] as const;
export function isNothingFoundLabel(label: string): boolean {
  return (NOTHING_FOUND_LABELS as readonly string[]).includes(label.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * Funds held in an account: the feedback must give a balance, they are frozen (not seized), and
 * frozen funds can be deducted (扣划, 民诉法 2023 Art. 253).
 */
export const FUND_TYPES: readonly AssetType[] = ['deposit', 'payment', 'housingFund'];
export function isFundType(t: AssetType): boolean {
  return FUND_TYPES.includes(t);
}

export type MeasureAction = 'freeze' | 'seize' | 'deduct';
export const MEASURE_ACTIONS = ['freeze', 'seize', 'deduct'] as const;
export const MEASURE_ACTION_LABELS: Record<MeasureAction, string> = { freeze: '冻结', seize: '查封', deduct: '扣划' };

/**
 * The national process node each action counts as (metrics.md §4). The `measure.applied` event
 * carries `action`; reports map it through this table.
 */
export const MEASURE_NODES: Record<MeasureAction, string> = { freeze: '冻结', seize: '查封', deduct: '划拨' };

/** Physical things are seized (查封/扣押); rights and funds are frozen (冻结). */
export function allowedActions(t: AssetType): MeasureAction[] {
  if (isFundType(t)) return ['freeze', 'deduct'];
  if (t === 'realEstate' || t === 'vehicle') return ['seize'];
  if (t === 'other') return ['freeze', 'seize'];
  return ['freeze'];
}

/**
 * Which statutory maximum term applies (民诉法解释 2022 Art. 485): bank deposits 1 year; movables 2
 * years; real estate and other property rights 3 years. Online-payment and housing-fund balances are
 * treated as deposits (funds in an account); securities, equity and insurance are "other property rights".
 */
export type TermClass = 'deposit' | 'movable' | 'realEstate';
export function termClass(t: AssetType): TermClass {
  if (isFundType(t)) return 'deposit';
  if (t === 'vehicle') return 'movable';
  return 'realEstate';
}

/**
 * The grounds of a release (查封规定 2020 Art. 28 para. 1, items 一 to 六); the release ruling cites
 * the item chosen (its number is the index + 1).
 */
export const RELEASE_GROUNDS = [
  '查封、扣押、冻结案外人财产',
  '申请执行人撤回执行申请或者放弃债权',
  '财产流拍或者变卖不成，申请执行人不同意接受抵债',
  '债务已经清偿',
  '被执行人提供担保且申请执行人同意解除',
  '人民法院认为应当解除的其他情形',
] as const;
