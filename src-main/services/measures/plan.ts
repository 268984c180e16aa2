import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { allowedActions, ASSET_TYPE_LABELS, isFundType, MEASURE_ACTION_LABELS, type AssetType, type MeasureAction } from '../../../src-shared/domain/assets';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { getSettings } from '../settings/settings';
import { assertOpen } from '../cases/stage';
import { assetControl, caseOutstandingFen } from './amounts';
import { addYears, termYears } from './terms';

// Planning a control batch: every item checked and its amount fixed before anything is rendered or
// written. Freezes and seizures stop at the outstanding claim (民诉法 2023 Art. 253; 查扣冻规定
// Art. 19: 不得明显超标的额); a deduction takes money already frozen by this court.

export interface PlannedMeasure {
  index: number;
  caseId: number;
  caseNumber: string;
  assetId: number;
  assetType: AssetType;
  institution: string;
  identifier: string;
  partyId: number;
  debtor: string;
  debtorCode: string;
  action: MeasureAction;
  amountFen: number;
  startOn: string;
  expiresOn: string | null;
  years: number | null;
  fromMeasureId: number | null;
}

const yuan = (fen: number) => `${fenToYuanString(fen)}元`;

export function planControl(db: Db, today: string, items: { assetId: number; action: MeasureAction; amountFen?: number | undefined; fromMeasureId?: number | undefined }[], startOn: string): PlannedMeasure[] {
  if (startOn > today) throw invalid('startOn', '措施开始日期不能晚于今天');
  const settings = getSettings(db);
  const seen = new Set<number>();
  const remaining = new Map<number, number>();
  return items.map((item, index) => {
    const field = `items.${index}`;
    const a = db.raw<{ id: number; case_id: number; party_id: number; type: AssetType; institution: string; identifier: string; value_fen: number | null; other_frozen_fen: number; number: string; claim_fen: number; name: string; code: string | null }>(
      `SELECT a.id, a.case_id, a.party_id, a.type, a.institution, a.identifier, a.value_fen, a.other_frozen_fen, c.number, c.claim_fen, p.name, coalesce(p.id_number, p.credit_code) AS code
         FROM assets a JOIN cases c ON c.id = a.case_id JOIN parties p ON p.id = a.party_id WHERE a.id = ?`,
      item.assetId,
    )[0];
    if (!a) throw new ApiError('not_found', `财产清单中没有编号 ${item.assetId} 的财产`, `${field}.assetId`);
    if (seen.has(a.id)) throw invalid(`${field}.assetId`, `同一批次中重复选择了财产 ${a.institution} ${a.identifier}`);
    seen.add(a.id);
    assertOpen(db, a.case_id);
    const label = ASSET_TYPE_LABELS[a.type];
    if (!allowedActions(a.type).includes(item.action)) {
      throw invalid(`${field}.action`, `${label}不能${MEASURE_ACTION_LABELS[item.action]}，可用措施：${allowedActions(a.type).map((x) => MEASURE_ACTION_LABELS[x]).join('、')}`);
    }
    const control = assetControl(db, a.id);
    const base = { index, caseId: a.case_id, caseNumber: a.number, assetId: a.id, assetType: a.type, institution: a.institution, identifier: a.identifier, partyId: a.party_id, debtor: a.name, debtorCode: a.code ?? '', action: item.action, startOn };

    if (item.action === 'deduct') {
      // The freeze it draws on is named by measure id, or is the one with the lowest id that still
      // has money free (assetControl orders by id): never whichever row the database returns first.
      const from = item.fromMeasureId === undefined ? control.deductible[0] : control.deductible.find((d) => d.measureId === item.fromMeasureId);
      if (!from && item.fromMeasureId !== undefined) {
        throw new ApiError('conflict', `措施 ${item.fromMeasureId} 不是${a.identifier}上本院已冻结且可扣划的冻结措施`, `${field}.fromMeasureId`);
      }
      if (!from) throw new ApiError('conflict', `${a.number} 的${label} ${a.identifier} 没有本院已冻结且可扣划的款项（须先冻结并登记冻结结果）`, `${field}.assetId`);
      const amount = item.amountFen ?? from.freeFen;
      if (amount <= 0) throw invalid(`${field}.amountFen`, '扣划金额须大于0');
      if (amount > from.freeFen) throw invalid(`${field}.amountFen`, `扣划金额 ${yuan(amount)} 超过已冻结可扣划的 ${yuan(from.freeFen)}`);
      return { ...base, amountFen: amount, expiresOn: null, years: null, fromMeasureId: from.measureId };
    }

    if (!remaining.has(a.case_id)) remaining.set(a.case_id, caseOutstandingFen(db, a.case_id, a.claim_fen));
    const left = remaining.get(a.case_id)!;
    if (left <= 0) throw new ApiError('conflict', `${a.number} 的未清偿标的额已全部控制，不得超标的${MEASURE_ACTION_LABELS[item.action]}`, `${field}.assetId`);
    const cap = left;
    let amount: number;
    if (item.action === 'seize') {
      if (control.activeSeizure) throw new ApiError('conflict', `${a.number} 的${label} ${a.identifier} 已由本院查封`, `${field}.assetId`);
      // A seizure covers the thing; its amount is the part of the claim it secures.
      amount = item.amountFen ?? (a.value_fen !== null && a.value_fen > 0 ? Math.min(a.value_fen, left) : left);
    } else {
      // A freeze may be set above today's balance (限额冻结: later credits are caught up to the limit),
      // but never above what the case still needs. By default: the free balance, or the limit if none.
      const free = isFundType(a.type) && a.value_fen !== null ? Math.max(0, a.value_fen - a.other_frozen_fen - control.controlledFen) : 0;
      amount = item.amountFen ?? (free > 0 ? Math.min(free, left) : left);
    }
    if (amount <= 0) throw invalid(`${field}.amountFen`, `${MEASURE_ACTION_LABELS[item.action]}金额须大于0`);
    if (amount > cap) throw invalid(`${field}.amountFen`, `${MEASURE_ACTION_LABELS[item.action]}金额 ${yuan(amount)} 超过 ${a.number} 尚未控制的标的额 ${yuan(cap)}`);
    remaining.set(a.case_id, left - amount);
    const years = termYears(settings, a.type);
    return { ...base, amountFen: amount, expiresOn: addYears(startOn, years), years, fromMeasureId: null };
  });
}
