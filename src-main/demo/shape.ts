import type { Db } from '../db/connection';

// What the demo's figures are meant to match, for anyone checking them against the seed. Kailu's
// published figures (seeds/003, 开鲁法院 "181" 执行模式):
//   2022: 收案 3979、结案 3929，执结率 98.74%，首执案件结案平均用时 61.68 天，每名执行法官名下案件不超过 400 件；
//   2023 年 1–3 月: 收案 1147、结案 976，执结率 85.09%，首执案件结案平均用时 37.4 天，首执完毕率 30.3%。
// The replay (casePlan.ts, court.ts) is shaped to the yearly rate, the average times and the balanced
// assignment; the quarter's rate cannot be matched together with the year's, which is said here.

export const PUBLISHED = {
  year2022: { closureRatePct: 98.74, firstAvgDays: 61.68, judgeCapPerYear: 400 },
  q1of2023: { closureRatePct: 85.09, firstAvgDays: 37.4, firstCompletionPct: 30.3 },
} as const;

export const MATCHED: readonly string[] = [
  '全年执结率（结案 ÷ 旧存与新收）：开鲁 2022 年 98.74%',
  '首执案件结案平均用时：开鲁 2022 年 61.68 天、2023 年一季度 37.4 天',
  '首执完毕率：开鲁 30.3%（演示按全年计，约三成）',
  '均衡分案：以本年分案数为口径设上限（约为平均数的 1.1 倍，4000 件/年时为 457 件），开鲁镇法庭满额后改分负担最轻的团队；书记员不参与分案',
];

export const NOT_MATCHED: readonly { figure: string; why: string }[] = [
  {
    figure: '季度执结率：开鲁 2023 年一季度 85.09%（演示约 25–30%）',
    why:
      '与全年 98.74% 同一口径（受理 = 旧存 + 新收）时，上年末旧存只有约 50 件，一季度结案 976 件几乎都须是当季新收的案件；' +
      '终结本次执行程序须立案满三个月（终本规定第一条），当季新收案件不能以终本结案，而开鲁首执完毕率只有 30.3%，' +
      '其余须以终结执行、销案等方式在一季度内结案，这与上述比例不合。演示按全年数与平均用时校准，不追一季度执结率。',
  },
];

export interface DemoShape {
  matched: readonly string[];
  notMatched: readonly { figure: string; why: string }[];
  published: typeof PUBLISHED;
  /** The demo's own figures per full year in range (执、执恢 for the rate; 首执 = 执 for the time). */
  years: Record<string, { closureRatePct: number | null; firstAvgDays: number | null; firstQuarterClosureRatePct: number | null }>;
  /** This year's assignments per judge: the fewest and the most. */
  assignmentsThisYear: { min: number; max: number; judges: number } | null;
}

const pct = (n: number, d: number) => (d > 0 ? Math.round((10000 * n) / d) / 100 : null);

function rate(db: Db, from: string, to: string): number | null {
  const accepted = db.raw<{ n: number }>("SELECT count(*) AS n FROM cases WHERE type IN ('执', '执恢') AND filed_on <= ? AND (closed_on IS NULL OR closed_on >= ?)", to, from)[0]!.n;
  const closed = db.raw<{ n: number }>("SELECT count(*) AS n FROM cases WHERE type IN ('执', '执恢') AND closed_on BETWEEN ? AND ?", from, to)[0]!.n;
  return pct(closed, accepted);
}

/** The demo's figures beside the published ones, and what it does not try to match. */
export function demoShape(db: Db, fromYear: number, toYear: number, today: string): DemoShape {
  const years: DemoShape['years'] = {};
  for (let y = fromYear; y <= toYear; y++) {
    if (`${y}-12-31` > today) continue;
    const avg = db.raw<{ d: number | null }>("SELECT avg(julianday(closed_on) - julianday(filed_on)) AS d FROM cases WHERE type = '执' AND closed_on BETWEEN ? AND ?", `${y}-01-01`, `${y}-12-31`)[0]!.d;
    years[String(y)] = { closureRatePct: rate(db, `${y}-01-01`, `${y}-12-31`), firstAvgDays: avg === null ? null : Math.round(avg * 100) / 100, firstQuarterClosureRatePct: rate(db, `${y}-01-01`, `${y}-03-31`) };
  }
  const loads = db.raw<{ n: number }>(
    `SELECT count(*) AS n FROM case_events WHERE type IN ('case.assigned', 'case.reassigned') AND on_date >= ? AND json_extract(payload, '$.judgeId') IS NOT NULL GROUP BY json_extract(payload, '$.judgeId')`,
    `${today.slice(0, 4)}-01-01`,
  );
  return {
    matched: MATCHED,
    notMatched: NOT_MATCHED,
    published: PUBLISHED,
    years,
    assignmentsThisYear: loads.length ? { min: Math.min(...loads.map((l) => l.n)), max: Math.max(...loads.map((l) => l.n)), judges: loads.length } : null,
  };
}
