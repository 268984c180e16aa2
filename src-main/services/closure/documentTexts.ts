import type { Db } from '../../db/connection';
import { fenToChineseCapital, fenToYuanString } from '../../../src-shared/domain/money';
import { toChineseDate } from '../../../src-shared/domain/chineseDate';
import { MODE_RULES } from '../../../src-shared/domain/closure';
import { getCaseRow } from '../cases/queries';
import type { CloseInput, ClosurePlan } from './close';

// The substance of the closure documents, written from the case; the documents engine (issue 3)
// supplies the frame (court, title, number, addressee, foot) and renders DOCX and PDF. `extra` is
// the engine's generic contract: { addressee?, paragraphs, basis?, signer? }.

export interface DocumentRequest {
  kind: '终本裁定书' | '执行裁定书' | '结案通知书' | '查询结果告知书';
  extra: { addressee?: string; paragraphs: string[]; basis?: string; signer?: string };
}

const yuan = (fen: number) => `${fenToYuanString(fen)}元（大写：${fenToChineseCapital(fen)}）`;

function titleSentence(db: Db, caseId: number): { c: ReturnType<typeof getCaseRow>; sentence: string } {
  const c = getCaseRow(db, caseId);
  return {
    c,
    sentence: `申请执行人${c.applicant_names}与被执行人${c.debtor_names}${c.title_cause}一案，${c.title_court}作出的${c.title_number}法律文书已经发生法律效力。申请执行人于${toChineseDate(c.filed_on)}向本院申请强制执行，本院依法立案执行，案号${c.number}。`,
  };
}

/** 终本裁定书: the five contents of 终本规定 Art. 6 (domain.md §4.2). */
function zhongbenRuling(db: Db, plan: ClosurePlan): DocumentRequest {
  const { sentence } = titleSentence(db, plan.caseId);
  const r = plan.ruling!;
  const claimParts = [`本金${yuan(r.principalFen)}`, ...(r.interestFen ? [`利息${yuan(r.interestFen)}`] : []), ...(r.costsFen ? [`诉讼费等${yuan(r.costsFen)}`] : [])];
  const paragraphs = [
    sentence,
    `一、申请执行标的：${claimParts.join('，')}，合计${yuan(r.claimFen)}。`,
    `二、执行经过及采取的执行措施：${r.history.length ? r.history.join('；') : '本院依法采取了相应执行措施'}。`,
    `三、财产调查情况：${r.property.join('；')}。经穷尽财产调查措施，未发现被执行人有其他可供执行的财产。`,
    `四、执行到位情况：已执行到位${yuan(r.recoveredFen)}，尚有${yuan(r.unpaidFen)}未履行。`,
    `本院已约谈申请执行人，告知本案执行情况、财产调查措施、被执行人的财产情况、终结本次执行程序的依据及法律后果，并听取了申请执行人的意见。${r.continuing.length ? `终结本次执行程序后，${r.continuing.join('；')}。` : ''}`,
    '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条、《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条的规定，裁定如下：',
    `终结本院${plan.number}案件的本次执行程序。`,
    '申请执行人发现被执行人有可供执行财产的，可以再次申请执行，再次申请不受申请执行时效期间的限制。被执行人负有继续向申请执行人履行债务的义务。本院将在终结本次执行程序后五年内每六个月通过网络执行查控系统查询一次被执行人的财产，并将查询结果告知申请执行人。',
    '本裁定送达后立即生效。',
  ];
  return { kind: '终本裁定书', extra: { paragraphs } };
}

/** 执行裁定书 for 终结执行 (民诉法 2023 Arts. 268–269) and 驳回申请 (2014 opinion Art. 20). */
function terminationRuling(db: Db, plan: ClosurePlan, input: CloseInput): DocumentRequest {
  const { sentence } = titleSentence(db, plan.caseId);
  const ground = input.ground!.trim();
  if (plan.mode === '驳回申请') {
    return {
      kind: '执行裁定书',
      extra: {
        paragraphs: [sentence, `本院经审查认为，${ground}，本案不符合执行案件的受理条件。`, '依照《最高人民法院关于人民法院执行工作若干问题的规定（试行）》第十六条、《关于执行案件立案、结案若干问题的意见》第二十条的规定，裁定如下：', `驳回申请执行人${getCaseRow(db, plan.caseId).applicant_names}的执行申请。`, '本裁定送达后立即生效。'],
      },
    };
  }
  return {
    kind: '执行裁定书',
    extra: {
      paragraphs: [
        sentence,
        `本案执行中，${ground}。已执行到位${yuan(plan.recoveredFen)}。`,
        '依照《中华人民共和国民事诉讼法》第二百六十八条、第二百六十九条的规定，裁定如下：',
        `终结本院${plan.number}案件的执行。`,
        '本裁定送达当事人后立即生效。',
      ],
    },
  };
}

/** 结案通知书 to the applicant: mode, date, amounts (执行完毕: 2014 opinion Art. 15). */
function closureNotice(db: Db, plan: ClosurePlan, input: CloseInput): DocumentRequest {
  const { sentence } = titleSentence(db, plan.caseId);
  const paragraphs = [
    sentence,
    `本案已于${toChineseDate(plan.closedOn)}以“${plan.mode}”方式结案${input.ground?.trim() ? `，事由：${input.ground.trim()}` : ''}${input.rulingNumber?.trim() ? `（${input.rulingNumber.trim()}）` : ''}。`,
    `申请执行标的${yuan(plan.claimFen)}，执行到位${yuan(plan.recoveredFen)}${plan.unpaidFen > 0 ? `，尚有${yuan(plan.unpaidFen)}未履行` : ''}。`,
    ...(input.settlementPerformed ? ['双方当事人达成的执行和解协议已履行完毕。'] : []),
    '特此通知。',
  ];
  return { kind: '结案通知书', extra: { paragraphs, basis: `依据：${MODE_RULES[plan.mode].basis}。` } };
}

export function closureDocumentRequests(db: Db, plan: ClosurePlan, input: CloseInput): DocumentRequest[] {
  return MODE_RULES[plan.mode].documents.map((kind) => {
    if (kind === '终本裁定书') return zhongbenRuling(db, plan);
    if (kind === '执行裁定书') return terminationRuling(db, plan, input);
    return closureNotice(db, plan, input);
  });
}

/** 查询结果告知书 to the applicant after a re-query round (终本规定 Art. 9). */
export function requeryNotice(
  db: Db,
  caseId: number,
  x: { round: number; requestedOn: string; resultOn: string; nothingFound: boolean; findings: string[] },
): DocumentRequest {
  const c = getCaseRow(db, caseId);
  const found = x.nothingFound
    ? '未发现被执行人有可供执行的财产。'
    : `发现被执行人名下有下列财产：${x.findings.join('；')}。你可以依法申请恢复执行。`;
  return {
    kind: '查询结果告知书',
    extra: {
      addressee: c.applicant_names,
      paragraphs: [
        `你申请执行${c.debtor_names}${c.title_cause}一案（${c.number}），本院已于${toChineseDate(c.closed_on ?? x.requestedOn)}裁定终结本次执行程序。`,
        `本院于${toChineseDate(x.requestedOn)}通过网络执行查控系统对被执行人的财产进行了第${x.round}次复查，结果如下：${found}`,
        '你如发现被执行人有可供执行的财产，可以随时向本院申请恢复执行，不受申请执行时效期间的限制。',
        '特此告知。',
      ],
      basis: '依据：《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第九条。',
    },
  };
}
