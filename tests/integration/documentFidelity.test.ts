import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEMPLATES } from '../../src-main/services/documents/templates';
import { renderDocx } from '../../src-main/services/documents/renderDocx';
import { renderPdf } from '../../src-main/services/documents/renderPdf';
import { templateVariants } from '../helpers/templateCases';
import { pdfLines } from '../helpers/pdfLines';

// DOCX fidelity, proved by conversion: LibreOffice (Debian's libreoffice-writer-nogui, installed by
// .ci/run) converts every template's DOCX to PDF, and its page count and the line breaks of the body
// must be those of the app's own PDF. LibreOffice is given the app's fonts under the names the DOCX
// uses (a workstation without 仿宋/方正小标宋 substitutes faces the same way), and two import gaps of
// LibreOffice 7.4's DOCX reader are closed on its own document (ODF flat XML) before the PDF is made:
// it ignores w:autoSpaceDE/DN (so it would add space between Chinese and Latin text, which the DOCX
// turns off for Word) and inverts w:overflowPunct (writerfilter DomainMapper: hanging punctuation is
// set when the DOCX says 0). All files go through one soffice run per step.

process.env.ZHIXING_FONTS = 'bundled';

function fontsConf(dir: string): string {
  const res = resolve('resources/fonts');
  const alias = (from: string, to: string, weight: 'regular' | 'bold') =>
    `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit><edit name="weight" mode="assign" binding="strong"><const>${weight}</const></edit></match>`;
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${res}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir>` +
      alias('仿宋_GB2312', 'Noto Serif SC', 'regular') +
      alias('FangSong', 'Noto Serif SC', 'regular') +
      alias('方正小标宋简体', 'Noto Serif SC', 'bold') +
      alias('SimSun', 'Noto Serif SC', 'bold') +
      '</fontconfig>',
  );
  return file;
}

function soffice(args: string[], env: NodeJS.ProcessEnv): void {
  execFileSync('soffice', args, { env, stdio: 'pipe', timeout: 240_000 });
}

describe('DOCX fidelity', () => {
  it('LibreOffice lays out every template’s DOCX with the PDF’s pages and line breaks', async () => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    } catch {
      throw new Error('LibreOffice (soffice) 未安装：apt-get install libreoffice-writer-nogui（.ci/run 会安装）');
    }
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-fidelity-'));
    try {
      const app = join(dir, 'app');
      const docx = join(dir, 'docx');
      const fodt = join(dir, 'fodt');
      const lo = join(dir, 'lo');
      for (const d of [app, docx, fodt, lo]) mkdirSync(d);
      const variants = templateVariants();
      for (const [i, v] of variants.entries()) {
        const m = TEMPLATES.get(v.kind as never)!.build(v.data);
        writeFileSync(join(app, `${i}.pdf`), await renderPdf([m]));
        writeFileSync(join(docx, `${i}.docx`), await renderDocx(m));
      }
      const env = { ...process.env, FONTCONFIG_FILE: fontsConf(dir), HOME: dir };
      const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
      soffice([profile, '--headless', '--convert-to', 'fodt', '--outdir', fodt, ...variants.map((_, i) => join(docx, `${i}.docx`))], env);
      for (const f of readdirSync(fodt)) {
        const xml = readFileSync(join(fodt, f), 'utf8').replace(/style:text-autospace="ideograph-alpha"/g, 'style:text-autospace="none"').replace(/style:punctuation-wrap="hanging"/g, 'style:punctuation-wrap="simple"');
        writeFileSync(join(fodt, f), xml);
      }
      soffice([profile, '--headless', '--convert-to', 'pdf', '--outdir', lo, ...variants.map((_, i) => join(fodt, `${i}.fodt`))], env);
      const problems: string[] = [];
      for (const [i, v] of variants.entries()) {
        const a = await pdfLines(join(app, `${i}.pdf`));
        const b = await pdfLines(join(lo, `${i}.pdf`));
        if (a.length !== b.length) problems.push(`${v.name}：应用 ${a.length} 页，LibreOffice ${b.length} 页`);
        const ta = a.flat().map((l) => l.text);
        const tb = b.flat().map((l) => l.text);
        const at = ta.findIndex((t, k) => t !== tb[k]);
        if (at >= 0 || ta.length !== tb.length) problems.push(`${v.name}：第 ${at + 1} 行不同：应用「${ta[at] ?? ''}」，LibreOffice「${tb[at] ?? ''}」`);
      }
      expect(problems).toEqual([]);
      expect(variants.length).toBeGreaterThanOrEqual(30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
