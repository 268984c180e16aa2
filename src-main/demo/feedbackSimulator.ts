import { FEEDBACK_COLUMNS, REQUEST_COLUMNS, SIMULATED_SOURCE } from '../../src-shared/domain/inquiryFiles';

// A plausible, seeded feedback for a request file, for demonstrations, tests and benchmarks. It is
// NOT part of the court's work: only the demo generator and the simulate-feedback command
// (tools/simulate-feedback.ts, writing through feedbackFile.ts) use it, and every row it writes says
// in 数据来源 that it is simulated (the import then marks the batch simulated).

export interface SimulateOptions {
  seed: number;
  /** Query date written on every row (YYYY-MM-DD). */
  queriedOn: string;
  /** Share of debtors with nothing found (0–1). */
  nothingRate?: number;
  /** Findings per debtor with something found: 1..maxFindings. */
  maxFindings?: number;
  /** Every debtor with something found has a bank deposit first (demonstrations of freezing and deduction). */
  deposits?: boolean;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFrom(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const BANKS: [string, string][] = [
  ['中国工商银行开鲁支行', '622202'],
  ['中国农业银行开鲁县支行', '622848'],
  ['中国建设银行开鲁支行', '621700'],
  ['中国银行开鲁支行', '621661'],
  ['中国邮政储蓄银行开鲁县支行', '621799'],
  ['内蒙古开鲁农村商业银行', '621539'],
];
const PAYMENT = ['支付宝（中国）网络技术有限公司', '财付通支付科技有限公司'];

export function simulateFeedback(request: string[][], opts: SimulateOptions): string[][] {
  const header = request[0] ?? [];
  const col = (name: string) => {
    const i = header.findIndex((h) => h.trim() === name);
    if (i < 0) throw new Error(`请求文件缺少“${name}”列`);
    return i;
  };
  const [cBatch, cCase, cDebtor, cCode] = [col(REQUEST_COLUMNS.batch), col(REQUEST_COLUMNS.caseNumber), col(REQUEST_COLUMNS.debtor), col(REQUEST_COLUMNS.idCode)];
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  // Balances are heavy-tailed: most accounts hold little, a few hold a lot.
  const money = (lo: number, hi: number) => (Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)))).toFixed(2);
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  const out: string[][] = [cols.map((c) => FEEDBACK_COLUMNS[c])];
  const nothingRate = opts.nothingRate ?? 0.3;
  const maxFindings = opts.maxFindings ?? 3;
  for (const r of request.slice(1)) {
    if (!r.some((x) => x.trim())) continue;
    const base = { batch: r[cBatch]!, caseNumber: r[cCase]!, debtor: r[cDebtor]!, idCode: r[cCode]!, queriedOn: opts.queriedOn, source: SIMULATED_SOURCE };
    const rows: Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>>[] = [];
    if (rand() < nothingRate) {
      rows.push({ ...base, assetType: '无' });
    } else {
      const n = 1 + Math.floor(rand() * maxFindings);
      const usedBanks = new Set<string>();
      for (let k = 0; k < n; k++) {
        const x = opts.deposits && k === 0 ? 0 : rand();
        if (x < 0.6) {
          let bank = pick(BANKS);
          while (usedBanks.has(bank[0]) && usedBanks.size < BANKS.length) bank = pick(BANKS);
          usedBanks.add(bank[0]);
          const frozen = rand() < 0.1;
          rows.push({ ...base, assetType: '银行存款', institution: bank[0], identifier: bank[1] + digits(13), value: money(5, 300_000), ...(frozen ? { otherFrozen: money(100, 20_000), otherFrozenNote: '他案已冻结（模拟）' } : {}) });
        } else if (x < 0.75) {
          rows.push({ ...base, assetType: '网络支付账户', institution: pick(PAYMENT), identifier: `1${digits(10)}`, value: money(1, 20_000) });
        } else if (x < 0.85) {
          rows.push({ ...base, assetType: '车辆', institution: '通辽市公安局交通警察支队车辆管理所', identifier: `蒙G${String.fromCharCode(65 + Math.floor(rand() * 26))}${digits(4)}` });
        } else if (x < 0.93) {
          rows.push({ ...base, assetType: '不动产', institution: '开鲁县不动产登记中心', identifier: `蒙（${opts.queriedOn.slice(0, 4)}）开鲁县不动产权第${digits(7)}号`, value: money(80_000, 800_000) });
        } else {
          rows.push({ ...base, assetType: '住房公积金', institution: '通辽市住房公积金管理中心开鲁县管理部', identifier: digits(12), value: money(500, 60_000) });
        }
      }
    }
    for (const row of rows) out.push(cols.map((c) => row[c] ?? ''));
  }
  return out;
}
