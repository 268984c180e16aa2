import type { DocumentRequest } from '../documents/generate';
import { ASSET_TYPE_LABELS, type AssetType, type MeasureAction } from '../../../src-shared/domain/assets';
import { toChineseDate } from '../../../src-shared/domain/chineseDate';
import { fenToChineseCapital, formatYuan } from '../../../src-shared/domain/money';
import { YEARS_CN } from './terms';

// The content of the control documents, handed to the documents engine's generic frames
// (templates/ruling.ts 执行裁定书, templates/assistNotice.ts 协助执行通知书) as `extra`: one ruling per
// case and one notice to assist per case and institution (domain.md §5). The same builder serves
// applying, renewing (续行) and releasing (解除) a measure.

export type Purpose = 'apply' | 'renew' | 'release';

export interface DocMeasure {
  key: number;
  caseId: number;
  assetType: AssetType;
  institution: string;
  identifier: string;
  debtor: string;
  debtorCode: string;
  action: MeasureAction;
  amountFen: number;
  startOn: string;
  expiresOn: string | null;
  years: number | null;
  subAccount?: string;
  releaseReason?: string;
}

const money = (fen: number) => `人民币${formatYuan(fen)}元（${fenToChineseCapital(fen)}）`;
const period = (m: DocMeasure) => (m.expiresOn ? `期限${YEARS_CN[m.years ?? 0] ?? String(m.years)}年，自${toChineseDate(m.startOn)}起至${toChineseDate(m.expiresOn)}止` : '');

function order(m: DocMeasure, purpose: Purpose): string {
  const who = `被执行人${m.debtor}（证件号码${m.debtorCode}）`;
  const where = `在${m.institution}的${ASSET_TYPE_LABELS[m.assetType]}（${m.identifier}）`;
  if (purpose === 'release') return `解除对${who}${where}的${m.action === 'seize' ? '查封' : '冻结'}。`;
  if (purpose === 'renew') return `继续${m.action === 'seize' ? '查封' : '冻结'}${who}${where}${m.action === 'seize' ? '' : `内的${money(m.amountFen)}`}，${period(m)}。`;
  if (m.action === 'deduct') return `扣划${who}${where}内已冻结的${money(m.amountFen)}，划至本院执行款专户${m.subAccount ? `（案件账号${m.subAccount}）` : ''}。`;
  if (m.action === 'seize') return `查封${who}名下的${ASSET_TYPE_LABELS[m.assetType]}（${m.institution}登记，${m.identifier}），以${money(m.amountFen)}为限，${period(m)}。`;
  return `冻结${who}${where}内的存款或权益${money(m.amountFen)}，${period(m)}。`;
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numbered = (i: number, s: string) => `${CN_NUM[i] ?? String(i + 1)}、${s}`;

const BASIS: Record<Purpose, string> = {
  apply: '依照《中华人民共和国民事诉讼法》第二百五十三条、第二百五十五条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条，《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第十九条之规定，裁定如下：',
  renew: '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条第二款之规定，裁定如下：',
  release: '依照《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第二十八条之规定，裁定如下：',
};

const INTRO: Record<Purpose, string> = {
  apply: '本案在执行过程中，被执行人未按执行通知履行生效法律文书确定的义务。经网络查控，被执行人有下列财产可供执行。',
  renew: '本院此前采取的控制措施即将届满，为保障申请执行人的权益，需续行查封、冻结。',
  release: '本院此前采取的控制措施已无继续维持的必要。',
};

/**
 * Document requests for a set of measures: the ruling of each case and a notice to each
 * institution. Returns the requests and, per request, the measure keys it covers.
 */
export function controlDocumentRequests(measures: DocMeasure[], purpose: Purpose): { requests: DocumentRequest[]; covers: number[][] } {
  const requests: DocumentRequest[] = [];
  const covers: number[][] = [];
  const byCase = new Map<number, DocMeasure[]>();
  for (const m of measures) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  for (const [caseId, list] of byCase) {
    const reason = purpose === 'release' ? list.find((m) => m.releaseReason)?.releaseReason : undefined;
    requests.push({
      caseId,
      kind: '执行裁定书',
      extra: {
        paragraphs: [INTRO[purpose] + (reason ? `解除原因：${reason}。` : ''), BASIS[purpose], ...list.map((m, i) => numbered(i, order(m, purpose))), '本裁定立即执行。'],
      },
    });
    covers.push(list.map((m) => m.key));
    const byInstitution = new Map<string, DocMeasure[]>();
    for (const m of list) byInstitution.set(m.institution, [...(byInstitution.get(m.institution) ?? []), m]);
    for (const [institution, ms] of byInstitution) {
      requests.push({
        caseId,
        kind: '协助执行通知书',
        extra: {
          addressee: institution,
          paragraphs: [
            `本院依法作出的执行裁定书已经发生法律效力。根据《中华人民共和国民事诉讼法》第二百五十三条的规定，请协助执行下列事项：`,
            ...ms.map((m, i) => numbered(i, order(m, purpose))),
            '请于收到本通知书后立即办理，并将回执送交本院。附：执行裁定书一份。',
          ],
        },
      });
      covers.push(ms.map((m) => m.key));
    }
  }
  return { requests, covers };
}
