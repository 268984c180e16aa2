import type { CaseDraft } from '../../src-shared/api/methods/cases';
import { idCheckChar } from '../../src-shared/domain/idNumber';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../src-shared/domain/creditCode';

/** A valid resident ID for a Kailu person born on the given date with the given sequence. */
export function makeId(birth = '19850317', seq = 123, area = '150523'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A valid unified social credit code with the given 8-character organisation body. */
export function makeCreditCode(body8 = 'MA0N4B2K', area = '150523'): string {
  const inner = body8 + (orgCodeCheckChar(body8) ?? '0');
  const first17 = `91${area}${inner}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The example filing of the issue, with optional overrides. */
export function sampleDraft(over: Partial<CaseDraft> = {}): CaseDraft {
  return {
    type: '执',
    filedOn: '2026-11-20',
    applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171233', address: '开鲁县开鲁镇', phone: '13800000000' }],
    debtors: [{ kind: 'org', name: '开鲁县某商贸有限公司', creditCode: '91150523MA0N4B2K6Y', legalRep: '李四', address: '开鲁县东风镇' }],
    title: { court: '开鲁县人民法院', number: '（2026）内0523民初100号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告开鲁县某商贸有限公司于本判决生效之日起十日内给付原告张三货款123456.00元' },
    claim: { principalFen: 12345600, interestFen: 0, costsFen: 0 },
    preserved: false,
    ...over,
  };
}
