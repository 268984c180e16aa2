import { z } from 'zod';

// 繁简分流 (domain.md §3.1 step 7; seeds/003: "根据是否有足额财产可供执行，是否有财产需要处置为标准"):
// after the first round of control, a case is simple (快执团队) when enough liquid money is already
// under control to cover what is still owed and nothing has to be sold; it is complex (a tribunal
// team) when property must be valued and sold, when only part of the claim is covered, or when
// nothing was found (then with the 终本 path in view). The thresholds are settings.

export const TRACKS = ['simple', 'complex'] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: Record<Track, string> = { simple: '简案（快执）', complex: '繁案（法庭团队）' };

export const TRIAGE_RULE_IDS = ['liquidCovers', 'needsSale', 'partial', 'nothingFound', 'nothingControlled'] as const;
export type TriageRuleId = (typeof TRIAGE_RULE_IDS)[number];

export const triageSettings = z.object({
  /** Liquid money under control must reach this share of the outstanding claim, in percent. */
  coveragePercent: z.number().int().min(1).max(500).default(100),
  /** Asset types that must be valued and sold before money comes in (codes of src-shared/domain/assets.ts). */
  saleTypes: z.array(z.string().max(30)).default(['realEstate', 'vehicle', 'equity', 'securities', 'other']),
  /** Asset types whose controlled balance counts as liquid (frozen or deducted money). */
  liquidTypes: z.array(z.string().max(30)).default(['deposit', 'payment', 'housingFund']),
  /** When liquid money covers the claim, property that would need a sale does not make the case complex. */
  liquidOverridesSale: z.boolean().default(true),
});
export type TriageSettings = z.output<typeof triageSettings>;

export interface TriageInput {
  /** Claim still owed: the claim less what has already been recovered. */
  outstandingFen: number;
  /** Money under control: frozen balances and deductions not yet paid out. */
  liquidControlledFen: number;
  /** Assets under control that must be valued and sold (one entry per asset, by type). */
  saleAssets: { type: string; label: string }[];
  /** Anything at all reported by the query feedback (controlled or not). */
  anythingFound: boolean;
}

export interface TriageProposal {
  track: Track;
  rule: TriageRuleId;
  reason: string;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function proposeTrack(input: TriageInput, s: TriageSettings): TriageProposal {
  const needed = Math.ceil((input.outstandingFen * s.coveragePercent) / 100);
  const covers = input.outstandingFen === 0 || (input.liquidControlledFen > 0 && input.liquidControlledFen >= needed);
  const saleList = [...new Set(input.saleAssets.map((a) => a.label))].join('、');
  if (covers && (input.saleAssets.length === 0 || s.liquidOverridesSale)) {
    const extra = input.saleAssets.length > 0 ? `；另控制的${saleList}无需处置，可予解除` : '';
    return {
      track: 'simple',
      rule: 'liquidCovers',
      reason:
        input.outstandingFen === 0
          ? '未履行金额为零，可直接结案'
          : `已控制可直接扣划的资金${yuan(input.liquidControlledFen)}元，足以清偿未履行金额${yuan(input.outstandingFen)}元${extra}`,
    };
  }
  if (input.saleAssets.length > 0) {
    return { track: 'complex', rule: 'needsSale', reason: `需评估、拍卖的财产：${saleList}（共${input.saleAssets.length}项）` };
  }
  if (input.liquidControlledFen > 0) {
    return {
      track: 'complex',
      rule: 'partial',
      reason: `已控制资金${yuan(input.liquidControlledFen)}元，不足以清偿未履行金额${yuan(input.outstandingFen)}元`,
    };
  }
  if (!input.anythingFound) return { track: 'complex', rule: 'nothingFound', reason: '网络查控未发现可供执行的财产，移交团队核查（可能进入终本程序）' };
  return { track: 'complex', rule: 'nothingControlled', reason: '查询到财产但尚未控制或无可处置价值，移交团队办理' };
}
