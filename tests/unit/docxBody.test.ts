import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { renderDocx } from '../../src-main/services/documents/renderDocx';
import { trackingTwips } from '../../src-main/services/documents/fontTracking';
import type { DocModel } from '../../src-main/services/documents/model';
import { everyTemplateModel } from '../helpers/templateCases';

// The DOCX writer: well-formed parts, and property elements in the order of the WordprocessingML
// schema (ECMA-376 Part 1 §17.3.1.26 pPr, §17.3.2.28 rPr, §17.4.60 tblPr, §17.4.70 tcPr) — Word
// refuses a document whose properties are out of order, LibreOffice does not, so the conversion
// test alone would not catch it.

const PPR = ['keepNext', 'keepLines', 'pageBreakBefore', 'widowControl', 'overflowPunct', 'autoSpaceDE', 'autoSpaceDN', 'spacing', 'ind', 'jc'];
const RPR = ['rFonts', 'b', 'bCs', 'color', 'spacing', 'kern', 'sz', 'szCs', 'u', 'lang'];
const TBLPR = ['tblW', 'jc', 'tblInd', 'tblBorders', 'tblLayout', 'tblCellMar'];
const TCPR = ['tcW', 'gridSpan', 'vAlign'];

/** Tags balance (a small well-formedness check: every element closed in order). */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?[^>]*\?>/g, '').matchAll(/<(\/?)([A-Za-z0-9:_.-]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

function childOrder(xml: string, parent: string, order: string[]): string[] {
  const bad: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<w:${parent}>(.*?)</w:${parent}>`, 'g'))) {
    const names = [...m[1]!.matchAll(/<w:([A-Za-z]+)[\s/>]/g)].map((x) => x[1]!).filter((n) => order.includes(n) || !['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].includes(n));
    const direct = names.filter((n) => order.includes(n));
    for (let i = 1; i < direct.length; i++) if (order.indexOf(direct[i]!) < order.indexOf(direct[i - 1]!)) bad.push(`${parent}: ${direct.join(',')}`);
    for (const n of names) if (!order.includes(n)) bad.push(`${parent}: unexpected ${n}`);
  }
  return bad;
}

async function parts(m: DocModel): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await renderDocx(m));
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

describe('the DOCX writer', () => {
  it('writes well-formed parts with properties in schema order, for every template', async () => {
    const models = everyTemplateModel();
    expect(models.length).toBeGreaterThan(10);
    for (const m of models) {
      const p = await parts(m);
      for (const [name, xml] of p) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(wellFormed(xml), `${m.kind}: ${name}`).toBe(true);
      const doc = p.get('word/document.xml')!;
      expect([...childOrder(doc, 'pPr', PPR), ...childOrder(doc, 'rPr', RPR), ...childOrder(doc, 'tblPr', TBLPR), ...childOrder(doc, 'tcPr', TCPR)], m.kind).toEqual([]);
      // Footer with the page number field, fonts with their fallbacks, punctuation not compressed.
      expect(doc).toContain('<w:footerReference');
      expect(p.get('word/footer1.xml')).toMatch(/PAGE/);
      expect(p.get('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong"/>');
      expect(p.get('word/fontTable.xml')).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋,宋体,SimSun"/>');
      expect(p.get('word/settings.xml')).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
      expect(p.get('word/styles.xml')).toMatch(/<w:pPrDefault><w:pPr><w:widowControl w:val="0"\/><w:overflowPunct w:val="0"\/><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/);
    }
  });

  it('sets 3号 text 0.4 pt closer, so 28 characters fill the 156 mm line, and keeps table rows whole', async () => {
    // 156 mm = 442.2 pt; 28 × (16 − 0.4) = 436.8 pt fits, 29 characters do not.
    expect(trackingTwips(16)).toBe(-8);
    expect(28 * (16 - 0.4)).toBeLessThanOrEqual((156 * 72) / 25.4);
    expect(29 * (16 - 0.4)).toBeGreaterThan((156 * 72) / 25.4);
    const doc = (
      await parts({
        kind: '测试',
        title: '标题',
        caseNumber: 'X',
        blocks: [
          { t: 'para', runs: [{ text: 'a&b<c>"d\'' }, { text: '下划线', underline: true }, { text: '粗', bold: true }, { text: '王小𠮷' }], indent: false, align: 'left' },
          { t: 'table', widths: [1, 2, 3], rows: [[{ text: '甲', align: 'center' }, { text: '' }, { text: '丙', label: true }], [{ text: '跨', colSpan: 3 }]] },
          { t: 'pageBreak' },
          { t: 'title', text: '第二页' },
        ],
      })
    ).get('word/document.xml')!;
    expect(doc).toContain('<w:spacing w:val="-8"/><w:sz w:val="32"/>');
    expect(doc).toContain('a&amp;b&lt;c&gt;&quot;d&apos;');
    expect(doc).toContain('<w:b/><w:bCs/>');
    // The rare character in a run of its own, named SimSun-ExtB (Windows' Extension B face).
    expect(doc).toMatch(/<w:rFonts w:ascii="SimSun-ExtB"[^>]*\/>(?:(?!<\/w:r>).)*𠮷/);
    expect(doc).toContain('<w:cantSplit/>');
    expect(doc).toContain('<w:gridSpan w:val="3"/>');
    // A page break starts the next block's page (no empty paragraph left on it).
    expect(doc).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*第二页/);
    expect(doc).not.toContain('w:type="page"');
  });
});
