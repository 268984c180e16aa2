import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../helpers/bundle';
import { pdfLines } from '../helpers/pdfLines';
import { templateVariants } from '../helpers/templateCases';

// The PDF fast paths (pdfFontCache.ts: one parsed font per thread; lineRenderer.ts: a line's words as
// one text object) reach into pdfkit, pdfmake and fontkit internals. They must change nothing on the
// page: every template variant is rendered with the patches (as the app runs) and without them
// (ZHIXING_PDF_PATCHES=off, a separate process), and the pages compared — every line's text and
// position, and the pixels. A library upgrade that breaks a patch fails here instead of changing
// the court's documents.

function render(out: string, script: string, patches: 'on' | 'off'): { patches: boolean; documents: number } {
  const env = { ...process.env, ZHIXING_FONTS: 'bundled', ZHIXING_PDF_PATCHES: patches };
  return JSON.parse(execFileSync(process.execPath, [script, out], { env, stdio: ['ignore', 'pipe', 'inherit'], timeout: 240_000 }).toString().trim().split('\n').pop()!);
}

function gray(file: string): { w: number; h: number; data: Buffer } {
  const buf = readFileSync(file);
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 40))!;
  return { w: Number(m[1]), h: Number(m[2]), data: buf.subarray(m[0].length) };
}

describe('the PDF fast paths', () => {
  it('render every template exactly as pdfmake does without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-patches-'));
    try {
      const script = await bundleForNode('tests/integration/fixtures/renderTemplates.ts');
      expect(render(join(dir, 'on'), script, 'on').patches).toBe(true);
      expect(render(join(dir, 'off'), script, 'off').patches).toBe(false);
      const names = templateVariants().map((v) => v.name);
      const problems: string[] = [];
      for (const [i, name] of names.entries()) {
        const on = await pdfLines(join(dir, 'on', `${i}.pdf`));
        const off = await pdfLines(join(dir, 'off', `${i}.pdf`));
        if (on.length !== off.length) {
          problems.push(`${name}：${on.length} 页 / ${off.length} 页`);
          continue;
        }
        const key = (p: typeof on) => p.flat().map((l) => `${l.text}@${l.x0.toFixed(2)},${l.y.toFixed(2)}`);
        const a = key(on);
        const b = key(off);
        const k = a.findIndex((x, j) => x !== b[j]);
        if (k >= 0) problems.push(`${name}：第 ${k + 1} 行 ${a[k]} ≠ ${b[k]}`);
        // Pixels at 50 dpi: the same glyphs in the same places (anti-aliasing may differ by a grey level).
        execFileSync('pdftoppm', ['-gray', '-r', '50', join(dir, 'on', `${i}.pdf`), join(dir, `on-${i}`)]);
        execFileSync('pdftoppm', ['-gray', '-r', '50', join(dir, 'off', `${i}.pdf`), join(dir, `off-${i}`)]);
        const pages = readdirSync(dir).filter((f) => f.startsWith(`on-${i}-`) && f.endsWith('.pgm')).sort();
        for (const f of pages) {
          const x = gray(join(dir, f));
          const y = gray(join(dir, f.replace('on-', 'off-')));
          let diff = 0;
          for (let p = 0; p < x.data.length; p++) if (Math.abs(x.data[p]! - y.data[p]!) > 64) diff++;
          if (x.w !== y.w || x.h !== y.h || diff > 0) problems.push(`${name} ${f}：${diff} 个像素不同`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
