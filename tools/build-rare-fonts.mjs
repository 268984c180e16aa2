// Extracts the app's fallback faces for rare ideographs (CJK Extension B and beyond, e.g. 𠮷 in a
// party's name) into resources/fonts/rare/: the files of the open-licence (SIL OFL 1.1) Noto Serif
// HK and Noto Serif JP packages of @fontsource that hold supplementary-plane ideographs — about 2,000
// of them (HKSCS and JIS X 0213), each file a few dozen kB. They are copied, not installed as
// dependencies: the two packages are 160 MB of web subsets of which the app needs 13 files.
// A workstation's own SimSun-ExtB (or another full Extension B face) is preferred when present
// (src-main/services/documents/fonts.ts). Run: node tools/build-rare-fonts.mjs (needs `npm pack`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fontkit = require(require.resolve('fontkit', { paths: [require.resolve('pdfkit')] }));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['@fontsource/noto-serif-hk@5.3.0', '@fontsource/noto-serif-jp@5.3.0'];
const out = join(root, 'resources', 'fonts', 'rare');
const work = mkdtempSync(join(tmpdir(), 'zhixing-rare-'));
try {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const kept = [];
  for (const spec of PACKAGES) {
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work }).toString().trim().split('\n').pop();
    const dir = join(work, tgz.replace(/\.tgz$/, ''));
    mkdirSync(dir);
    execFileSync('tar', ['xzf', join(work, tgz), '-C', dir]);
    const files = join(dir, 'package', 'files');
    for (const f of readdirSync(files).filter((n) => /-400-normal\.woff$/.test(n)).sort()) {
      let rare = 0;
      try {
        rare = fontkit.openSync(join(files, f)).characterSet.filter((cp) => cp >= 0x20000).length;
      } catch {
        continue; // a subset without a usable cmap holds nothing we need
      }
      if (rare === 0) continue;
      copyFileSync(join(files, f), join(out, f));
      kept.push({ file: f, package: spec, ideographs: rare });
    }
    if (kept.length && spec.includes('hk')) copyFileSync(join(dir, 'package', 'LICENSE'), join(out, 'OFL.txt'));
  }
  writeFileSync(join(out, 'sources.json'), `${JSON.stringify({ licence: 'SIL Open Font License 1.1 (OFL.txt)', files: kept }, null, 2)}\n`);
  console.log(`${kept.length} files, ${kept.reduce((a, k) => a + k.ideographs, 0)} supplementary-plane ideographs`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
