import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, identity, model, money, titleMissing, titleName } from './common';
import { wording, type Template } from './types';

// 限制消费令 on the current text: 《最高人民法院关于限制被执行人高消费及有关消费的若干规定》 as amended
// by 法释〔2015〕17号 (the 2010 text is in laws/; the 2015 wording is quoted from desks.md §5, several
// published copies agree). Art. 1 (the debtor has not performed within the period of the 执行通知书),
// Art. 3 para. 1 (the nine items, item 9 with G-train seats and first class or above on other 动车),
// Art. 3 para. 2 (an organisation: also its legal representative, principal person, person directly
// responsible and actual controller), Art. 4 (on the applicant's request or of the court's motion),
// Art. 5 (period, items and consequences; signed by the court president), Art. 8 (permission for
// necessary spending), Art. 11 (breach: 民诉法 fines and detention).
//
// Its recital must be true on its date: issued after the notice period has run out unperformed
// (setting consumptionOrderTiming 'afterNoticePeriod': the notice's service date and period are
// recited), or, where the court issues it with the notice ('withNotice'), on the ground true then —
// the title's own period has passed unperformed (the applicant has applied for enforcement).
export const ITEMS_2015 = [
  '（一）乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位；',
  '（二）在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费；',
  '（三）购买不动产或者新建、扩建、高档装修房屋；',
  '（四）租赁高档写字楼、宾馆、公寓等场所办公；',
  '（五）购买非经营必需车辆；',
  '（六）旅游、度假；',
  '（七）子女就读高收费私立学校；',
  '（八）支付高额保费购买保险理财产品；',
  '（九）乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为。',
];
export const RULES_2015 = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》';

export const template: Template = {
  kind: '限制消费令',
  addressee: 'debtor',
  summary: '限制被执行人（单位的，连同其法定代表人、主要负责人、直接责任人员、实际控制人）高消费及非生活、工作必需的消费（院长签发）',
  texts: {
    afterPeriod: {
      label: '事由（执行通知书履行期间届满）',
      text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，已于{通知送达日期}向被执行人送达执行通知书，责令其于{履行期限届满日}前履行{执行依据}确定的义务。被执行人未按执行通知书指定的期间履行给付义务，申请执行标的{申请执行标的}尚未履行。',
    },
    withNotice: {
      label: '事由（与执行通知书同时发出）',
      text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，{执行依据}已于{执行依据生效日期}发生法律效力，被执行人未在该文书指定的期间内履行给付义务，申请执行人于{立案日期}向本院申请强制执行，申请执行标的{申请执行标的}。{申请}',
    },
    basis: { label: '依据与措施', text: '依照{限消规定}第一条、第三条、第四条、第五条的规定，本院决定对{被限制消费人}采取限制消费措施。自本令送达之日起，不得实施以下高消费及非生活和工作必需的消费行为：' },
    org: {
      label: '单位被执行人',
      text: '被执行人为单位的，被采取限制消费措施后，被执行人及其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得实施前款规定的行为。因私消费以个人财产实施前款规定行为的，可以向本院提出申请，本院审查属实的，应予准许。',
    },
    period: { label: '期间与许可', text: '限制消费期间自本令送达之日起至被执行人履行完毕生效法律文书确定的义务或者本院解除限制消费令之日止。因生活或者经营必需而进行本令禁止的消费活动的，应当向本院提出申请，获批准后方可进行（上述规定第八条）。' },
    breach: { label: '违反的后果', text: '违反本令进行消费的，经查证属实，本院将依照《中华人民共和国民事诉讼法》第一百一十四条的规定予以罚款、拘留；情节严重，构成犯罪的，依法追究刑事责任（上述规定第十一条）。' },
  },
  placeholders: {
    ...CASE_PLACEHOLDERS,
    通知送达日期: '执行通知书送达日期',
    履行期限届满日: '执行通知书指定的履行期间的最后一日',
    执行依据生效日期: '执行依据生效日期',
    申请: '申请执行人申请限制消费的，写明其申请；否则为本院依职权决定',
    限消规定: RULES_2015,
    被限制消费人: '被执行人（单位的，连同其法定代表人等）',
  },
  missing(c) {
    const out = titleMissing(c).filter((m) => m.includes('类型'));
    if (!c.president) out.push('设置中未填写院长姓名：限制消费令由院长签发（限高规定第五条）');
    if (c.consumptionOrderTiming === 'afterNoticePeriod') {
      if (!c.notice) out.push('执行通知书尚未送达：限制消费令在执行通知书指定的履行期间届满后发出（限高规定第一条）');
      else if (c.notice.dueOn >= c.issuedOn) out.push(`执行通知书指定的履行期间至${c.notice.dueOn}届满，届满后方可发出限制消费令（限高规定第一条）`);
    }
    return out;
  },
  build(c: CaseData): DocModel {
    const orgs = c.debtors.filter((d) => d.kind === 'org');
    const restricted = c.debtors.map((d) => (d.kind === 'org' ? `${d.name}及其法定代表人${d.legalRep ?? ''}、主要负责人、影响债务履行的直接责任人员、实际控制人` : d.name)).join('；');
    const requested = c.interview?.requests.includes('限制消费');
    const vars = {
      ...caseVars(c, c.debtors),
      通知送达日期: c.notice ? cnDate(c.notice.servedOn) : '',
      履行期限届满日: c.notice ? cnDate(c.notice.dueOn) : '',
      执行依据生效日期: cnDate(c.title.effectiveOn),
      执行依据: titleName(c),
      申请: requested ? '申请执行人在立案时申请对被执行人限制消费。' : '本院依职权决定对被执行人采取限制消费措施。',
      限消规定: RULES_2015,
      被限制消费人: restricted,
      申请执行标的: money(c.claim.claimFen),
    };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '限制消费令', '限制消费令', [
      ...heading(c, '限制消费令'),
      p('被限制消费人：', { indent: false }),
      ...c.debtors.map((d) => p(identity(d))),
      p(w(c.consumptionOrderTiming === 'afterNoticePeriod' ? 'afterPeriod' : 'withNotice')),
      p(w('basis')),
      ...ITEMS_2015.map((s) => p(s)),
      ...(orgs.length ? [p(w('org'))] : []),
      p(w('period')),
      p(w('breach')),
      ...foot(c, `院长　${c.president}`),
    ]);
  },
};
