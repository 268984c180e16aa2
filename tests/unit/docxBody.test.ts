import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { TEMPLATES } from '../../src-main/services/documents/templates';
import { renderDocx, renderDocxWithPacker } from '../../src-main/services/documents/renderDocx';
import type { CaseData, PartyData } from '../../src-main/services/documents/caseData';
import type { DocModel } from '../../src-main/services/documents/model';

// The fast DOCX path (docx's skeleton + docxBody.ts) must write the same package as docx itself:
// every part byte for byte, but the creation/modification stamps of docProps/core.xml.

const person: PartyData = { kind: 'person', name: '王小明', idNumber: '150523198001011234', creditCode: null, legalRep: null, sex: '男', birthDate: '1980-01-01', address: '开鲁县开鲁镇和平路1号', phone: '13800000000' };
const org: PartyData = { kind: 'org', name: '开鲁县某商贸有限公司 & <分公司>', idNumber: null, creditCode: '91150523MA0N123456', legalRep: '李四', sex: null, birthDate: null, address: '开鲁县工业园区"东区"', phone: null };

function caseData(debtors: PartyData[]): CaseData {
  return {
    caseId: 1,
    number: '（2026）内0523执12号',
    type: '执',
    filedOn: '2026-11-20',
    court: { name: '开鲁县人民法院', phone: '0475-6521234', address: '开鲁县开鲁镇' },
    account: { bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', subAccount: '0605012109300012345 2026 1 00012' },
    contact: { name: '刘书记员', phone: '0475-6521234' },
    president: '赵院长',
    applicants: [person],
    debtors,
    title: { court: '开鲁县人民法院', number: '（2026）内0523民初100号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷' },
    claim: { principalFen: 12345600, interestFen: 234500, costsFen: 5600, claimFen: 12585700 },
    feeFen: 176800,
    interview: { contactConfirmed: true, serviceAddress: '开鲁镇', payoutBank: '农行', payoutAccountName: '王小明', payoutAccount: '6228480000000000000', propertyClues: '车辆一台', requests: ['查询存款'], notes: '无', recordedAt: '2026-11-20T02:00:00Z', recordedBy: '窗口' },
    issuedOn: '2026-11-22',
    performanceDays: 3,
    propertyReportDays: 5,
    extra: { addressee: '某银行', paragraphs: ['第一段。', '第二段 <b>&'], basis: '依据……', signer: '审判长 某某' },
  };
}

async function parts(buf: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, (await f.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1'));
  return out;
}

async function expectSame(m: DocModel): Promise<void> {
  const fast = await parts(await renderDocx(m));
  const reference = await parts(await renderDocxWithPacker(m));
  expect([...fast.keys()]).toEqual([...reference.keys()]);
  for (const [name, xml] of reference) expect(fast.get(name), `${m.kind}: ${name}`).toBe(xml);
}

describe('the DOCX writer', () => {
  it('writes every template exactly as docx does, for a person and for an organisation', async () => {
    expect(TEMPLATES.size).toBeGreaterThan(5);
    for (const t of TEMPLATES.values()) {
      await expectSame(t.build(caseData([person])));
      await expectSame(t.build(caseData([org, person])));
    }
  });

  it('covers the blocks no template uses yet: underline, bold runs, alignments, empty cells, spacers', async () => {
    await expectSame({
      kind: '测试',
      title: '标题',
      caseNumber: 'X',
      blocks: [
        { t: 'para', runs: [{ text: 'a&b<c>"d\'' }, { text: '下划线', underline: true }, { text: '粗', bold: true }, { text: '粗下', bold: true, underline: true }], indent: false, align: 'left' },
        { t: 'para', runs: [{ text: '右' }], indent: true, align: 'right' },
        { t: 'para', runs: [{ text: '中' }], align: 'center' },
        { t: 'para', runs: [], indent: true },
        { t: 'spacer', lines: 3 },
        { t: 'table', widths: [1, 2, 3], rows: [[{ text: '甲', align: 'center' }, { text: '' }, { text: '丙', label: true }], [{ text: '跨', colSpan: 3 }]] },
        { t: 'pageBreak' },
        { t: 'signature', lines: [], seal: '（院印）' },
      ],
    });
  });
});
