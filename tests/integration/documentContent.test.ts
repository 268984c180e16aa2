import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { TEMPLATES } from '../../src-main/services/documents/templates';
import { renderDocx } from '../../src-main/services/documents/renderDocx';
import { renderPdf } from '../../src-main/services/documents/renderPdf';
import { templateVariants } from '../helpers/templateCases';
import { pdfLines, type PdfLine } from '../helpers/pdfLines';

// Every template read back from its files — the PDF's text (pdfjs) and the DOCX's XML — as a court's
// documents clerk would check them, and every page measured as GB/T 9704 asks.

process.env.ZHIXING_FONTS = 'bundled';

interface Rendered {
  name: string;
  kind: string;
  pdfText: string;
  docxText: string;
  docxXml: string;
  pages: PdfLine[][];
  pdfFile: string;
}
const out: Rendered[] = [];
let dir = '';

const mm = 72 / 25.4;
const BLOCK = { left: 28 * mm, right: 210 * mm - 26 * mm, top: 37 * mm, bottom: 297 * mm - 35 * mm };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhixing-content-'));
  for (const [i, v] of templateVariants().entries()) {
    const m = TEMPLATES.get(v.kind as never)!.build(v.data);
    const pdf = await renderPdf([m]);
    const pdfFile = join(dir, `${i}.pdf`);
    writeFileSync(pdfFile, pdf);
    const zip = await JSZip.loadAsync(await renderDocx(m));
    const docxXml = await zip.file('word/document.xml')!.async('string');
    const docxText = [...docxXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('').replace(/&amp;/g, '&');
    const pages = await pdfLines(pdfFile);
    out.push({ name: v.name, kind: v.kind, pdfText: pages.flat().map((l) => l.text).filter((t) => !/^—\d+—$/.test(t)).join(''), docxText: docxText.replace(/\s+/g, ''), docxXml, pages, pdfFile });
  }
  return () => rmSync(dir, { recursive: true, force: true });
}, 180_000);

/** Both files of a variant contain the text (whitespace ignored). */
function bothContain(r: Rendered, text: string): void {
  const t = text.replace(/\s+/g, '');
  expect(r.pdfText, `${r.name} PDF`).toContain(t);
  expect(r.docxText, `${r.name} DOCX`).toContain(t);
}
const of = (name: string) => out.find((r) => r.name === name)!;
const rulings = () => out.filter((r) => r.kind === '执行裁定书' || r.kind === '终本裁定书');

describe('what the documents say', () => {
  it('every ruling has the parties block, the title recited with its type, and the judge and clerk (民诉法 Art. 157)', () => {
    expect(rulings().length).toBeGreaterThanOrEqual(8);
    for (const r of rulings()) {
      bothContain(r, '申请执行人：张三，男，一九八五年三月十七日出生，住开鲁县东风镇，公民身份号码150523198503171233。');
      bothContain(r, '委托代理人：赵律师，内蒙古某律师事务所律师。');
      bothContain(r, '被执行人：开鲁县某商贸有限公司，住所地开鲁县工业园区东区8号，统一社会信用代码91150523MA0N4B2K6Y。法定代表人：李四，经理。');
      bothContain(r, '开鲁县人民法院（2026）内0523民初100号民事判决书已于二〇二六年九月一日发生法律效力。该判决书确定：');
      bothContain(r, '书记员　王静');
      if (r.name.endsWith('合议庭')) {
        bothContain(r, '审判长　王志刚');
        bothContain(r, '审判员　李晓东');
        bothContain(r, '经院长赵国庆于二〇二七年二月二十七日批准');
      } else bothContain(r, '审判员　张建军');
      // A ruling never opens like a letter, nor calls its title a generic 法律文书.
      expect(r.pdfText).not.toMatch(/^开鲁县人民法院执行裁定书[^：]*张三、/);
      expect(r.pdfText).not.toContain('法律文书已经发生法律效力');
    }
  });

  it('numbers a case’s process rulings 之一, 之二 … and its closing ruling with the case number', () => {
    bothContain(of('执行裁定书-冻结查封'), '执行裁定书（2026）内0523执12号之一');
    bothContain(of('执行裁定书-扣划'), '执行裁定书（2026）内0523执12号之二');
    bothContain(of('执行裁定书-解除'), '解除本院（2026）内0523执12号之一执行裁定对被执行人王小𠮷');
    bothContain(of('执行裁定书-终结执行'), '执行裁定书（2026）内0523执12号申请执行人');
    bothContain(of('协助执行通知书-扣划'), '于二〇二六年十二月一日作出（2026）内0523执12号之二执行裁定书');
  });

  it('cites the articles that fit each measure, the fees with the claim, and the release item', () => {
    const freeze = of('执行裁定书-冻结查封');
    bothContain(freeze, '申请执行费1768.00元（大写：壹仟柒佰陆拾捌元整）尚未履行');
    bothContain(freeze, '《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第一条、第十九条');
    bothContain(freeze, '第四百八十五条');
    const deduct = of('执行裁定书-扣划');
    bothContain(deduct, '《中华人民共和国民事诉讼法》第二百五十三条');
    bothContain(deduct, '第四百八十四条');
    expect(deduct.pdfText).not.toContain('第四百八十五条');
    expect(deduct.pdfText).not.toContain('第十九条');
    bothContain(of('执行裁定书-解除'), '第二十八条第一款第（四）项');
    const assist = of('协助执行通知书-扣划');
    bothContain(assist, '开户银行：中国农业银行开鲁县支行');
    bothContain(assist, '账号：05470101040009999');
    bothContain(assist, '执行人员：张建军、王静');
    bothContain(assist, '协助执行通知书（回执）');
  });

  it('issues the consumption order on the 2015 text, with the recital true on its date', () => {
    for (const name of ['限制消费令-组织与自然人', '限制消费令-与通知同发']) {
      const r = of(name);
      bothContain(r, '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》');
      bothContain(r, '（九）乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为。');
      bothContain(r, '被执行人及其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得实施前款规定的行为');
      bothContain(r, '院长　赵国庆');
      expect(r.pdfText).not.toContain('《最高人民法院关于限制被执行人高消费的若干规定》');
    }
    bothContain(of('限制消费令-组织与自然人'), '已于二〇二六年十一月二十三日向被执行人送达执行通知书，责令其于二〇二六年十一月二十六日前履行');
    const withNotice = of('限制消费令-与通知同发');
    bothContain(withNotice, '被执行人未在该文书指定的期间内履行给付义务');
    expect(withNotice.pdfText).not.toContain('执行通知书指定的期间');
  });

  it('prints the bank’s case account without spaces, addresses 你/你单位/你们, and serves each recipient at their own address', () => {
    bothContain(of('执行通知书-组织与自然人'), '账号：0605012109300088001');
    bothContain(of('执行通知书-组织与自然人'), '开户银行：中国工商银行开鲁支行');
    bothContain(of('执行通知书-两名申请执行人'), '向申请执行人张三支付80000.00元（大写：捌万元整），向申请执行人李明支付45857.00元');
    bothContain(of('执行通知书-组织与自然人'), '被执行人开鲁县某商贸有限公司、王小𠮷对上述债务承担连带清偿责任');
    bothContain(of('执行通知书-一名自然人'), '责令你自收到本通知之日起三日内');
    for (const r of out) expect(r.pdfText, r.name).not.toContain('你（单位）');
    const debtor = of('送达回证-组织与自然人');
    bothContain(debtor, '受送达人王小𠮷送达地址开鲁县开鲁镇和平路1号');
    bothContain(debtor, '执行通知书一份、报告财产令一份、限制消费令一份');
    expect(debtor.pdfText).not.toContain('开鲁县东风镇幸福街3号');
    bothContain(of('送达回证-申请执行人'), '受送达人张三送达地址开鲁县东风镇幸福街3号');
    const form = of('报告财产令-组织与自然人');
    expect(form.pdfText.match(/财产申报表/g)!.length).toBeGreaterThanOrEqual(3);
    bothContain(form, '公民身份号码150523198001011234');
    bothContain(form, '统一社会信用代码91150523MA0N4B2K6Y');
    bothContain(form, '本人（本单位）保证以上报告的财产情况真实、完整');
  });

  it('the 终本 ruling dates each measure in Chinese numerals and says “穷尽” only from the checklist; the re-query letter promises resumption', () => {
    const zb = of('终本裁定书-申请执行人确认');
    bothContain(zb, '一、二〇二六年十一月二十三日，向被执行人送达执行通知书；');
    bothContain(zb, '申请执行人于二〇二七年二月二十五日签字确认同意终结本次执行程序');
    bothContain(zb, '经穷尽财产调查措施');
    bothContain(of('查询结果告知书-发现财产'), '本院将依法恢复执行');
    expect(of('查询结果告知书-发现财产').pdfText).not.toContain('你可以依法申请恢复执行');
    bothContain(of('结案通知书-被执行人'), '开鲁县某商贸有限公司：');
    bothContain(of('结案通知书-被执行人'), '依据：《最高人民法院关于执行案件立案、结案若干问题的意见》第十五条');
  });

  it('the 拘留决定书 names the approval it has: the president\'s beforehand, or an emergency reported afterwards (民诉法解释 Art. 181)', () => {
    const ordinary = of('拘留决定书');
    bothContain(ordinary, '的规定，经本院院长批准，决定如下：');
    for (const r of [ordinary.pdfText, ordinary.docxText]) expect(r).not.toContain('紧急');
    const emergency = of('拘留决定书-紧急情况');
    bothContain(emergency, '妨害了执行活动的正常进行，情况紧急，必须立即采取拘留措施。');
    bothContain(emergency, '和《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十一条的规定，决定如下：');
    bothContain(emergency, '本决定系因紧急情况在拘留后作出，本院已立即报告院长补办批准手续；院长认为拘留不当的，应当解除拘留。');
    bothContain(emergency, '对王小𠮷拘留十日（自二〇二六年十二月一日起至二〇二六年十二月十日止）');
    for (const r of [emergency.pdfText, emergency.docxText]) expect(r).not.toContain('院长批准');
    // The after-approval is its own record: approved, or found improper and the person released.
    const approved = of('补办拘留批准手续记录-批准');
    bothContain(approved, '于二〇二六年十二月一日依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十一条的规定先行对其拘留十日，并于拘留后立即报告院长。');
    bothContain(approved, '赵国庆于二〇二六年十二月一日审查后，批准对王小𠮷的拘留，补办批准手续。');
    const refused = of('补办拘留批准手续记录-不予批准');
    bothContain(refused, '赵国庆于二〇二六年十二月二日审查后，认为拘留不当：现场秩序已经恢复，不属必须立即拘留的紧急情况。');
    bothContain(refused, '解除对王小𠮷的拘留。');
    expect(refused.pdfText).not.toContain('补办批准手续。');
  });

  it('writes every date in Chinese numerals and prints rare characters with their text', () => {
    for (const r of out) {
      expect(r.pdfText, r.name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(r.pdfText, r.name).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      expect(r.docxText, r.name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    // 𠮷 (U+20BB7, Extension B) is in the text layer, drawn from a fallback face, and named SimSun-ExtB in the DOCX.
    const r = of('执行通知书-组织与自然人');
    expect(r.pdfText).toContain('王小𠮷');
    expect(r.docxXml).toMatch(/w:eastAsia="SimSun-ExtB"[^>]*\/>(?:(?!<\/w:r>).)*𠮷/);
    const fonts = execFileSync('pdffonts', [r.pdfFile]).toString();
    expect(fonts).toMatch(/NotoSerifJP|NotoSerifHK/);
  });
});

describe('the pages (GB/T 9704)', () => {
  it('sets 28 characters on a full line of 3号 text, never more', () => {
    let full = 0;
    for (const r of out) {
      for (const line of r.pages.flat()) {
        const cjk = [...line.text].filter((ch) => /[\u3000-\u9fff\uff00-\uffef\u{20000}-\u{2ffff}]/u.test(ch)).length;
        // Body lines (16 pt text at the left margin or indented); a line of 28 full-width characters spans the block.
        if (cjk === 28 && line.x1 - line.x0 > 430) full++;
        expect(cjk, `${r.name}: ${line.text}`).toBeLessThanOrEqual(28);
      }
    }
    expect(full).toBeGreaterThan(20);
  });

  it('puts no ink outside the 156 × 225 mm text block (the page number below it aside)', () => {
    const problems: string[] = [];
    for (const r of out) {
      const base = join(dir, `ink-${out.indexOf(r)}`);
      execFileSync('pdftoppm', ['-gray', '-r', '36', r.pdfFile, base]);
      const files = execFileSync('sh', ['-c', `ls ${base}*.pgm`]).toString().trim().split('\n');
      for (const [pi, f] of files.entries()) {
        const buf = readFileSync(f);
        const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 40))!;
        const w = Number(header[1]);
        const h = Number(header[2]);
        const data = buf.subarray(header[0].length);
        const px = 36 / 72;
        // One pixel of tolerance for anti-aliasing on each side.
        const x0 = Math.floor(BLOCK.left * px) - 1;
        const x1 = Math.ceil(BLOCK.right * px) + 1;
        const y0 = Math.floor(BLOCK.top * px) - 1;
        const y1 = Math.ceil(BLOCK.bottom * px) + 1;
        // The page number: 4号, centred, 7 mm below the block.
        const footer = { y0: y1, y1: Math.ceil((BLOCK.bottom + 20 * mm) * px), x0: Math.floor((105 - 20) * mm * px), x1: Math.ceil((105 + 20) * mm * px) };
        let outside = 0;
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            if (data[y * w + x]! > 200) continue;
            const inBlock = x >= x0 && x <= x1 && y >= y0 && y <= y1;
            const inFooter = x >= footer.x0 && x <= footer.x1 && y >= footer.y0 && y <= footer.y1;
            if (!inBlock && !inFooter) outside++;
          }
        }
        if (outside > 0) problems.push(`${r.name} 第${pi + 1}页：版心外有 ${outside} 个墨点`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('leaves no page with only the signature, date and seal (the last paragraph goes with them)', () => {
    const foot = /^(—\d+—|开鲁县人民法院|二〇.+日|（院印）|审判长.+|审判员.+|书记员.+|院长.+|协助执行单位（盖章）|年月日)$/;
    const problems: string[] = [];
    for (const r of out) {
      r.pages.forEach((lines, i) => {
        if (!lines.some((l) => !foot.test(l.text))) problems.push(`${r.name} 第${i + 1}页只有落款`);
      });
    }
    expect(problems).toEqual([]);
  });
});
