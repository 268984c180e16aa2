import type { CaseData, PartyData } from '../caseData';
import { p, type Block, type Cell, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnIndex, contactBlocks, foot, heading, identity, model } from './common';
import { wording, type Template } from './types';

// 报告财产令 with one 财产申报表 per debtor attached. Content per 财产调查规定 (法释〔2017〕8号, 2020 rev.)
// Art. 4: (1) deadline, (2) scope and period, (3) when to report changes, (4) liability; Art. 4
// para. 2: the property form is attached. Scope Art. 5, changes Art. 6, supplement within 10 days
// Art. 7, sanctions Arts. 9–10; duty to report: 民诉法 2023 Art. 252. The form ends with the
// debtor's declaration that the report is true and complete, above the signature (Art. 9–10: false
// reports are sanctioned).
const SCOPE = [
  '（一）收入、银行存款、现金、理财产品、有价证券；',
  '（二）土地使用权、房屋等不动产；',
  '（三）交通运输工具、机器设备、产品、原材料等动产；',
  '（四）债权、股权、投资权益、基金份额、信托受益权、知识产权等财产性权利；',
  '（五）其他应当报告的财产。',
];

const FORM_SECTIONS: [string, string][] = [
  ['收入、银行存款、现金、理财产品、有价证券', '开户行/机构、账号、余额、收入来源'],
  ['土地使用权、房屋等不动产', '坐落、面积、权证号、权利负担'],
  ['交通运输工具、机器设备、产品、原材料等动产', '名称、号牌或型号、数量、存放地点'],
  ['债权、股权、投资权益、基金份额、信托受益权、知识产权等', '对象、数额或份额、登记机关'],
  ['其他应当报告的财产', ''],
  ['收到执行通知之日前一年至今的财产变动', '转让、出租、设立担保、放弃债权、大额支出等的时间、对象、金额'],
];

function form(c: CaseData, debtor: PartyData, declaration: string): Block[] {
  const code = debtor.kind === 'org' ? debtor.creditCode : debtor.idNumber;
  const rows: Cell[][] = [
    [{ text: '案号', label: true }, { text: c.number, colSpan: 3 }],
    [{ text: '被执行人', label: true }, { text: debtor.name, colSpan: 3 }],
    [{ text: debtor.kind === 'org' ? '统一社会信用代码' : '公民身份号码', label: true }, { text: code ?? '', colSpan: 3 }],
    [{ text: '住所地/联系电话', label: true }, { text: `${debtor.address ?? ''}　${debtor.phone ?? ''}`, colSpan: 3 }],
    ...FORM_SECTIONS.map(([label, hint]): Cell[] => [{ text: label, label: true }, { text: hint ? `（${hint}）` : '', colSpan: 3 }]),
    [{ text: '声明', label: true }, { text: declaration, colSpan: 3 }],
    [{ text: debtor.kind === 'org' ? '被执行人盖章及法定代表人签名' : '被执行人签名', label: true }, { text: '' }, { text: '报告日期', label: true }, { text: '年　月　日', align: 'center' }],
  ];
  return [
    { t: 'pageBreak' },
    { t: 'title', text: '财产申报表' },
    p(`（${debtor.name}填写。应逐项如实填写，没有的注明无；不够填写的可另附页）`, { indent: false, align: 'center' }),
    { t: 'table', widths: [3.2, 4, 2.4, 3.4], rows, minRowHeight: 40 },
  ];
}

export const template: Template = {
  kind: '报告财产令',
  addressee: 'debtor',
  summary: '责令被执行人限期报告财产，每名被执行人附一份财产申报表（与执行通知书同时发出）',
  texts: {
    order: {
      label: '责令报告',
      text: '本院在执行申请执行人{申请执行人}与{你}{案由}一案中，依照《中华人民共和国民事诉讼法》第二百五十二条，《最高人民法院关于民事执行中财产调查若干问题的规定》第三条、第四条、第五条的规定，责令{你}自收到本令之日起{报告期限}日内，如实填写所附《财产申报表》，向本院书面报告当前以及收到执行通知之日前一年的财产情况。',
    },
    orgNote: { label: '单位被执行人', text: '被执行人为单位的，由其法定代表人或者主要负责人代为报告并签名，加盖单位印章。' },
    encumbrance: {
      label: '权利负担与变动',
      text: '财产已出租、已设立担保物权等权利负担，或者存在共有、权属争议等情形的，应当一并报告；动产由第三人占有，不动产、特定动产、其他财产权等登记在第三人名下的，也应当一并报告。自收到执行通知之日前一年至提交书面财产报告之日，财产发生转让、出租、设立担保、放弃债权或延长清偿期、支出大额资金等变动的，应当将变动情况一并报告。',
    },
    change: { label: '补充报告', text: '报告财产后，财产情况发生变动，影响申请执行人债权实现的，应当自财产变动之日起十日内向本院补充报告（上述规定第七条）。' },
    sanction: {
      label: '拒绝或虚假报告的后果',
      text: '{你}拒绝报告、虚假报告或者无正当理由逾期报告财产情况的，本院可以根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任；并依照相关规定将{你}纳入失信被执行人名单（上述规定第九条、第十条）。',
    },
    declaration: { label: '申报表声明', text: '本人（本单位）保证以上报告的财产情况真实、完整，没有隐瞒、遗漏；如有虚假，愿意承担法律责任。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 报告期限: '报告期限的天数（中文数字）' },
  missing: () => [],
  build(c: CaseData): DocModel {
    const vars = { ...caseVars(c, c.debtors), 报告期限: cnIndex(c.propertyReportDays - 1) };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '报告财产令', '报告财产令', [
      ...heading(c, '报告财产令'),
      p('被执行人：', { indent: false }),
      ...c.debtors.map((d) => p(identity(d))),
      p(`${w('order')}${c.debtors.some((d) => d.kind === 'org') ? w('orgNote') : ''}`),
      p('应当报告的财产包括：'),
      ...SCOPE.map((s) => p(s)),
      p(w('encumbrance')),
      p(w('change')),
      p(w('sanction')),
      ...contactBlocks(c),
      ...foot(c),
      ...c.debtors.flatMap((d) => form(c, d, w('declaration'))),
    ]);
  },
};
