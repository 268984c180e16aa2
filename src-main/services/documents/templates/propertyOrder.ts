import type { CaseData } from '../caseData';
import { p, type Block, type Cell, type DocModel } from '../model';
import { contactText, foot, heading, model, names, partyLine, you } from './common';
import type { Template } from './types';

// 报告财产令 with the 财产申报表 attached. Content per 财产调查规定 (法释〔2017〕8号, 2020 rev.) Art. 4:
// (1) deadline, (2) scope and period, (3) when to report changes, (4) liability; Art. 4 para. 2: the
// property form is attached. Scope Art. 5, changes Art. 6, supplement within 10 days Art. 7,
// sanctions Arts. 9–10; duty to report: 民诉法 2023 Art. 252.
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
  ['收到执行通知之日前一年至今的财产变动（转让、出租、设立担保、放弃债权、大额支出等）', '时间、对象、金额'],
];

function form(c: CaseData): Block[] {
  const debtor = c.debtors[0]!;
  const rows: Cell[][] = [
    [{ text: '案号', label: true }, { text: c.number, colSpan: 3 }],
    [{ text: '被执行人', label: true }, { text: names(c.debtors) }, { text: debtor.kind === 'org' ? '统一社会信用代码' : '公民身份号码', label: true }, { text: (debtor.kind === 'org' ? debtor.creditCode : debtor.idNumber) ?? '' }],
    [{ text: '住所地/联系电话', label: true }, { text: `${debtor.address ?? ''}　${debtor.phone ?? ''}`, colSpan: 3 }],
    ...FORM_SECTIONS.map(([label, hint]): Cell[] => [{ text: label, label: true }, { text: hint ? `（${hint}）` : '', colSpan: 3 }]),
    [{ text: '被执行人签名（盖章）', label: true }, { text: '' }, { text: '报告日期', label: true }, { text: '　　年　　月　　日' }],
  ];
  return [
    { t: 'pageBreak' },
    { t: 'title', text: '财产申报表' },
    p('（被执行人应逐项如实填写，没有的填“无”；不够填写的可另附页）', { indent: false, align: 'center' }),
    { t: 'table', widths: [3, 4, 2.5, 3.5], rows, minRowHeight: 44 },
  ];
}

export const template: Template = {
  kind: '报告财产令',
  addressee: 'debtor',
  summary: '责令被执行人限期报告财产，附财产申报表（与执行通知书同时发出）',
  build(c: CaseData): DocModel {
    const y = you(c.debtors);
    const orgNote = c.debtors.some((d) => d.kind === 'org') ? '被执行人为单位的，由其法定代表人或者负责人代为报告并签名、加盖单位印章。' : '';
    return model(c, '报告财产令', '报告财产令', [
      ...heading(c, '报告财产令'),
      p('被执行人：', { indent: false }),
      ...c.debtors.map((d) => p(partyLine(d))),
      p(
        `本院在执行申请执行人${names(c.applicants)}与${y}${c.title.cause}一案中，依照《中华人民共和国民事诉讼法》第二百五十二条，《最高人民法院关于民事执行中财产调查若干问题的规定》第三条、第四条、第五条的规定，责令${y}自收到本令之日起${c.propertyReportDays}日内，如实填写所附《财产申报表》，向本院书面报告当前以及收到执行通知之日前一年的财产情况。${orgNote}`,
      ),
      p('应当报告的财产包括：', { indent: true }),
      ...SCOPE.map((s) => p(s)),
      p('财产已出租、已设立担保物权等权利负担，或者存在共有、权属争议等情形的，应当一并报告；动产由第三人占有，不动产、特定动产、其他财产权等登记在第三人名下的，也应当一并报告。自收到执行通知之日前一年至提交书面财产报告之日，财产发生转让、出租、设立担保、放弃债权或延长清偿期、支出大额资金等变动的，应当将变动情况一并报告。'),
      p('报告财产后，财产情况发生变动，影响申请执行人债权实现的，应当自财产变动之日起十日内向本院补充报告（上述规定第七条）。'),
      p(
        `${y}拒绝报告、虚假报告或者无正当理由逾期报告财产情况的，本院可以根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任；并依照相关规定将${y}纳入失信被执行人名单（上述规定第九条、第十条）。`,
      ),
      p(contactText(c)),
      ...foot(c),
      ...form(c),
    ]);
  },
};
