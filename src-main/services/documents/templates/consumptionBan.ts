import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { foot, heading, model, money, names, partyLine } from './common';
import type { Template } from './types';

// 限制消费令 per the text in laws/ (《最高人民法院关于限制被执行人高消费的若干规定》, 2010): Art. 1 (not
// performing within the notice's period), Art. 3 para. 1 (the nine restricted items, quoted), Art. 3
// para. 2 (an organisation: also its legal representative, principal person and person directly
// responsible, with the organisation's money), Art. 5 (period, items, consequences; signed by the
// court president), Art. 8 (permission for necessary spending), Art. 11 (sanctions).
const ITEMS = [
  '（一）乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位；',
  '（二）在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费；',
  '（三）购买不动产或者新建、扩建、高档装修房屋；',
  '（四）租赁高档写字楼、宾馆、公寓等场所办公；',
  '（五）购买非经营必需车辆；',
  '（六）旅游、度假；',
  '（七）子女就读高收费私立学校；',
  '（八）支付高额保费购买保险理财产品；',
  '（九）其他非生活和工作必需的高消费行为。',
];

export const template: Template = {
  kind: '限制消费令',
  addressee: 'debtor',
  summary: '限制被执行人（单位的，连同其法定代表人）高消费及非生活、工作必需的消费（院长签发）',
  build(c: CaseData): DocModel {
    const orgs = c.debtors.filter((d) => d.kind === 'org');
    const restricted = c.debtors.map((d) => (d.kind === 'org' ? `${d.name}及其法定代表人${d.legalRep ?? '（未登记）'}` : d.name)).join('、');
    const orgClause = orgs.length
      ? `被执行人为单位的，禁止被执行人及其法定代表人、主要负责人、影响债务履行的直接责任人员以单位财产实施前款规定的行为。`
      : '';
    return model(c, '限制消费令', '限制消费令', [
      ...heading(c, '限制消费令'),
      p('被限制消费人：', { indent: false }),
      ...c.debtors.map((d) => p(partyLine(d))),
      p(
        `本院于${c.filedOn.slice(0, 4)}年立案执行申请执行人${names(c.applicants)}申请执行${names(c.debtors)}${c.title.cause}一案。因被执行人未按执行通知书指定的期间履行生效法律文书确定的给付义务，尚欠申请执行标的${money(c.claim.claimFen)}未履行，依照《最高人民法院关于限制被执行人高消费的若干规定》第一条、第三条的规定，对${restricted}采取限制高消费措施，不得有以下以其财产支付费用的行为：`,
      ),
      ...ITEMS.map((s) => p(s)),
      ...(orgClause ? [p(orgClause)] : []),
      p('限制消费期间自本令送达之日起至被执行人履行完毕生效法律文书确定的义务或者本院解除限制消费令之日止。因生活或者经营必需而进行本令禁止的消费活动的，应当向本院提出申请，获批准后方可进行。'),
      p('违反本令进行消费的，属于拒不履行人民法院已经发生法律效力的判决、裁定的行为，经查证属实的，本院将依法予以拘留、罚款；情节严重，构成犯罪的，依法追究刑事责任。'),
      ...foot(c, `院长　${c.president || '　　　　'}`),
    ]);
  },
};
