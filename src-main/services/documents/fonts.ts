import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Fonts of the documents. GB/T 9704 wants 仿宋 for the body and 小标宋 for titles. Court workstations
// (Windows) have FangSong/SimSun and often 方正小标宋简体; those are used when installed. Otherwise the
// app's own open-licence Noto Serif SC (SIL OFL, from its npm package) keeps every PDF readable
// and searchable. The DOCX never embeds fonts: it names the official ones and Word/WPS substitute.

export interface FontFile {
  path: string;
  /** Face name inside a .ttc collection. */
  face?: string;
}

export interface FontSet {
  body: FontFile;
  title: FontFile;
  /**
   * Faces for characters the body and title faces lack (CJK Extension B and beyond, e.g. 𠮷 in a
   * name), tried in order: the workstation's own (SimSun-ExtB and the like), then the app's bundled
   * Noto Serif HK/JP subsets (resources/fonts/rare, tools/build-rare-fonts.mjs).
   */
  rare: FontFile[];
  /** 'system' when the workstation's Chinese fonts are used, 'bundled' for Noto Serif SC. */
  source: 'system' | 'bundled';
}

/**
 * Font names written into the DOCX runs (East Asian + Latin), as Word and WPS know them; the DOCX's
 * font table (renderDocx.ts) gives each its fallbacks on a Chinese Windows, so that nothing lands on
 * a Japanese or sans face: 仿宋_GB2312 → 仿宋 → FangSong; 方正小标宋简体 → 华文中宋 → 宋体 (SimSun).
 */
export const DOCX_FONTS = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' },
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
  /** Runs of characters beyond the BMP (Extension B…): Windows' own SimSun-ExtB. */
  rare: { eastAsia: 'SimSun-ExtB', ascii: 'SimSun-ExtB', hAnsi: 'SimSun-ExtB' },
} as const;

/** The DOCX font table: each named face with the faces Word and WPS fall back to, in order. */
export const DOCX_FONT_TABLE: readonly { name: string; altNames: string[]; charset: string; family: 'roman' | 'modern' }[] = [
  { name: '仿宋_GB2312', altNames: ['仿宋', 'FangSong'], charset: '86', family: 'modern' },
  { name: 'FangSong', altNames: ['仿宋'], charset: '86', family: 'modern' },
  { name: '方正小标宋简体', altNames: ['华文中宋', '宋体', 'SimSun'], charset: '86', family: 'roman' },
  { name: 'SimSun', altNames: ['宋体'], charset: '86', family: 'roman' },
  { name: 'SimSun-ExtB', altNames: ['宋体'], charset: '86', family: 'modern' },
];

/**
 * The folder of the fallback font files: Noto Serif SC as published in the
 * `@expo-google-fonts/noto-serif-sc` package (SIL OFL 1.1, its LICENSE_FONT), resolved from this
 * module wherever it runs (src-main in tests, out/main in the build, a bundle in child-process tests,
 * the packaged app's node_modules).
 */
export function bundledFontDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json'));
}

/**
 * The app's resources folder (the rare-character fonts in resources/fonts/rare): ZHIXING_RESOURCES, or
 * found upwards from this module or the working folder (src-main in tests, out/main in the build, the
 * packaged app's resources).
 */
export function resourcesDir(): string {
  const env = process.env.ZHIXING_RESOURCES;
  if (env && existsSync(join(env, 'fonts', 'rare'))) return env;
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  if (electronResources) starts.push(join(electronResources, 'app.asar.unpacked'), electronResources);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      if (existsSync(join(dir, 'resources', 'fonts', 'rare'))) return join(dir, 'resources');
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return join(process.cwd(), 'resources');
}

const SYSTEM_FONT_DIRS = process.platform === 'win32' ? [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'), join(process.env.LOCALAPPDATA ?? '', 'Microsoft', 'Windows', 'Fonts')] : ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/root', '.fonts'), join(process.env.HOME ?? '/root', '.local/share/fonts'), '/Library/Fonts'];

// File names of the official faces (lower case). FangSong: simfang.ttf (Windows), 仿宋_GB2312 in older
// installs; 方正小标宋简体: FZXBSJW.TTF; SimSun: simsun.ttc (face 'SimSun').
const BODY_NAMES = ['simfang.ttf', 'fangsong_gb2312.ttf', '仿宋_gb2312.ttf', 'fzfsk.ttf'];
const TITLE_NAMES = ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf', 'fzxiaobiaosong-b05s.ttf'];
const SONG_NAMES = ['simsun.ttc', 'simsun.ttf'];
// Faces with Extension B and beyond: Windows' SimSun-ExtB (simsunb.ttf), and on other systems the
// open full-coverage faces a distribution may have installed (Hanazono Mincho B, BabelStone Han,
// Jigmo), then the distribution's Noto Serif CJK (about 2,000 of them, face 'NotoSerifCJKsc-Regular').
const RARE_NAMES = ['simsunb.ttf', 'simsun-extb.ttf', 'hanaminb.ttf', 'babelstonehan.ttf', 'jigmo2.ttf', 'jigmo3.ttf', 'notoserifcjk-regular.ttc'];
const RARE_FACES: Record<string, string> = { 'notoserifcjk-regular.ttc': 'NotoSerifCJKsc-Regular' };

/** The bundled fallback faces for rare ideographs, in file-name order. */
export function bundledRareFonts(res = resourcesDir()): FontFile[] {
  const dir = join(res, 'fonts', 'rare');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.(woff|ttf|otf)$/i.test(n));
  } catch {
    return [];
  }
  return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((n) => ({ path: join(dir, n) }));
}

function findFiles(wanted: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || found.size === wanted.length) return;
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e);
      const lower = e.toLowerCase();
      if (wanted.includes(lower)) {
        if (!found.has(lower)) found.set(lower, full);
      } else if (!lower.includes('.')) {
        try {
          if (statSync(full).isDirectory()) walk(full, depth + 1);
        } catch {
          /* unreadable: skip */
        }
      }
    }
  };
  for (const d of SYSTEM_FONT_DIRS) walk(d, 0);
  return found;
}

let cached: FontSet | null = null;

/** The fonts to embed: the workstation's FangSong and 小标宋/SimSun, else the bundled Noto Serif SC. ZHIXING_FONTS=bundled forces the latter. */
export function documentFonts(): FontSet {
  if (cached) return cached;
  const dir = bundledFontDir();
  const bundled: FontSet = {
    body: { path: join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf') },
    title: { path: join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf') },
    rare: bundledRareFonts(),
    source: 'bundled',
  };
  if (process.env.ZHIXING_FONTS === 'bundled') return (cached = bundled);
  const found = findFiles([...BODY_NAMES, ...TITLE_NAMES, ...SONG_NAMES, ...RARE_NAMES]);
  const first = (names: string[]) => names.map((n) => found.get(n)).find((x): x is string => !!x);
  const rare: FontFile[] = [
    ...RARE_NAMES.flatMap((n) => {
      const path = found.get(n);
      return path ? [{ path, ...(RARE_FACES[n] ? { face: RARE_FACES[n] } : {}) }] : [];
    }),
    ...bundled.rare,
  ];
  const body = first(BODY_NAMES);
  const title = first(TITLE_NAMES);
  const song = first(SONG_NAMES);
  if (!body) return (cached = { ...bundled, rare });
  const titleFile: FontFile = title ? { path: title } : song ? { path: song, ...(song.toLowerCase().endsWith('.ttc') ? { face: 'SimSun' } : {}) } : bundled.title;
  return (cached = { body: { path: body }, title: titleFile, rare, source: 'system' });
}

export function readFont(f: FontFile): Buffer {
  return readFileSync(f.path);
}
