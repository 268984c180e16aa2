import type { AssetType, MeasureAction } from '../../../../src-shared/domain/assets';
import { ASSET_TYPE_LABELS } from '../../../../src-shared/domain/assets';
import { money, cnDate } from './common';

// The substance other domains hand to the ruling templates as `extra` (plain data, structured, no
// prose): the templates write the wording, so every ruling has the form of a ruling.

export interface MeasureItem {
  action: MeasureAction;
  assetType: AssetType;
  institution: string;
  identifier: string;
  debtor: string;
  debtorCode: string;
  amountFen: number;
  startOn: string;
  expiresOn: string | null;
  years: number | null;
  /** The ruling that applied the measure (renewal and release name it). */
  origin?: { number: string; issuedOn: string } | null;
}

export type Purpose = 'apply' | 'renew' | 'release';

/** 执行裁定书 of a measure: freeze, seizure, deduction, their renewal and their release. */
export interface MeasuresRuling {
  ruling: 'measures';
  purpose: Purpose;
  measures: MeasureItem[];
  /** Release: the item of 查封规定 Art. 28 para. 1 that applies (1–6) and the facts. */
  releaseItem?: number;
  releaseReason?: string;
}

/** 执行裁定书 terminating enforcement (民诉法 2023 Art. 268) or dismissing the application. */
export interface TerminationRuling {
  ruling: 'termination';
  ground: string;
  /** The item of 民诉法 Art. 268 (1–6) the ground falls under, when one is chosen. */
  groundItem: number | null;
  recoveredFen: number;
}
export interface RejectionRuling {
  ruling: 'rejection';
  ground: string;
}
export type RulingExtra = MeasuresRuling | TerminationRuling | RejectionRuling;

/** 协助执行通知书: the ruling it executes, the institution and its part of the measures. */
export interface AssistExtra {
  purpose: Purpose;
  institution: string;
  measures: MeasureItem[];
  ruling: { number: string; issuedOn: string };
}

const YEARS = ['', '一', '二', '三'];
const code = (m: MeasureItem) => (m.debtorCode ? `（${m.debtorCode.length === 18 && /^\d{17}[\dX]$/.test(m.debtorCode) ? '公民身份号码' : '统一社会信用代码'}${m.debtorCode}）` : '');
const period = (m: MeasureItem) => (m.expiresOn ? `期限${YEARS[m.years ?? 0] ?? String(m.years)}年，自${cnDate(m.startOn)}起至${cnDate(m.expiresOn)}止` : '');
const what = (m: MeasureItem) => `${ASSET_TYPE_LABELS[m.assetType]}（${m.institution}，${m.identifier}）`;

/** One measure as the holding of a ruling states it (and the notice to assist repeats it). */
export function measureOrder(m: MeasureItem, purpose: Purpose): string {
  const who = `被执行人${m.debtor}${code(m)}`;
  const act = m.action === 'seize' ? '查封' : '冻结';
  if (purpose === 'release') {
    const origin = m.origin ? `本院${m.origin.number}执行裁定` : '本院';
    return `解除${origin}对${who}${what(m)}的${act}。`;
  }
  if (purpose === 'renew') {
    const origin = m.origin ? `（原${m.origin.number}执行裁定）` : '';
    return `继续${act}${who}${what(m)}${m.action === 'seize' ? '' : `内的${money(m.amountFen)}`}${origin}，${period(m)}。`;
  }
  if (m.action === 'deduct') return `扣划${who}${what(m)}内已冻结的${money(m.amountFen)}。`;
  if (m.action === 'seize') return `查封${who}名下的${what(m)}，以${money(m.amountFen)}为限，${period(m)}。`;
  return `冻结${who}${what(m)}内的存款或权益${money(m.amountFen)}，${period(m)}。`;
}
