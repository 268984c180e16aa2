import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model, names } from './common';
import { wording, type Template } from './types';

// 查询结果告知书 to the applicant after a re-query round of a case closed by 终本 (《最高人民法院关于严格
// 规范终结本次执行程序的规定（试行）》Art. 9: within five years the court queries every six months and
// tells the applicant the result; where the conditions for resumption are met, the court resumes).
export interface QueryResultExtra {
  round: number;
  requestedOn: string;
  closedOn: string;
  nothingFound: boolean;
  findings: string[];
}

export const template: Template = {
  kind: '查询结果告知书',
  addressee: 'applicant',
  summary: '终本案件定期查询结果告知书：查询日期与结果；发现财产的，本院依法恢复执行',
  batchable: false,
  texts: {
    closed: { label: '终本情况', text: '{你}申请执行{被执行人}{案由}一案，案号{案号}，本院已于{终本日期}裁定终结本次执行程序。' },
    queried: { label: '查询', text: '本院于{查询日期}通过网络执行查控系统对被执行人的财产进行了第{轮次}次查询，结果如下：' },
    nothing: { label: '未发现财产', text: '未发现被执行人有可供执行的财产。{你}发现被执行人有可供执行财产的，可以随时向本院申请恢复执行，不受申请执行时效期间的限制。' },
    found: { label: '发现财产', text: '本案符合恢复执行条件的，本院将依法恢复执行，并将恢复执行的情况另行告知{你}。' },
    end: { label: '结语', text: '特此告知。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 终本日期: '终结本次执行程序的日期', 查询日期: '本次查询的日期', 轮次: '第几次查询（中文数字）' },
  missing: () => [],
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as QueryResultExtra;
    const vars = { ...caseVars(c, c.applicants), 终本日期: cnDate(x.closedOn), 查询日期: cnDate(x.requestedOn), 轮次: String(x.round).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!) };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '查询结果告知书', '查询结果告知书', [
      ...heading(c, '查询结果告知书'),
      p(`${names(c.applicants)}：`, { indent: false }),
      p(w('closed')),
      p(w('queried')),
      ...(x.nothingFound ? [p(w('nothing'))] : [p(`发现被执行人名下有下列财产：${x.findings.join('；').replace(/[。；]$/, '')}。`), p(w('found'))]),
      p(w('end')),
      ...foot(c),
    ]);
  },
};
