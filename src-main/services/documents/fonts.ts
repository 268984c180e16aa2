import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
  /** 'system' when the workstation's Chinese fonts are used, 'bundled' for Noto Serif SC. */
  source: 'system' | 'bundled';
}

/** Font names written into the DOCX (East Asian + Latin), as Word and WPS know them. */
export const DOCX_FONTS = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' },
  title: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
} as const;

/**
 * The folder of the fallback font files: Noto Serif SC as published in the
 * `@expo-google-fonts/noto-serif-sc` package (SIL OFL 1.1, its LICENSE_FONT), resolved from this
 * module wherever it runs (src-main in tests, out/main in the build, a bundle in child-process tests,
 * the packaged app's node_modules).
 */
export function bundledFontDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json'));
}

const SYSTEM_FONT_DIRS = process.platform === 'win32' ? [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'), join(process.env.LOCALAPPDATA ?? '', 'Microsoft', 'Windows', 'Fonts')] : ['/usr/share/fonts', '/usr/local/share/fonts', join(process.env.HOME ?? '/root', '.fonts'), join(process.env.HOME ?? '/root', '.local/share/fonts'), '/Library/Fonts'];

// File names of the official faces (lower case). FangSong: simfang.ttf (Windows), 仿宋_GB2312 in older
// installs; 方正小标宋简体: FZXBSJW.TTF; SimSun: simsun.ttc (face 'SimSun').
const BODY_NAMES = ['simfang.ttf', 'fangsong_gb2312.ttf', '仿宋_gb2312.ttf', 'fzfsk.ttf'];
const TITLE_NAMES = ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf', 'fzxiaobiaosong-b05s.ttf'];
const SONG_NAMES = ['simsun.ttc', 'simsun.ttf'];

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
    source: 'bundled',
  };
  if (process.env.ZHIXING_FONTS === 'bundled') return (cached = bundled);
  const found = findFiles([...BODY_NAMES, ...TITLE_NAMES, ...SONG_NAMES]);
  const first = (names: string[]) => names.map((n) => found.get(n)).find((x): x is string => !!x);
  const body = first(BODY_NAMES);
  const title = first(TITLE_NAMES);
  const song = first(SONG_NAMES);
  if (!body) return (cached = bundled);
  const titleFile: FontFile = title ? { path: title } : song ? { path: song, ...(song.toLowerCase().endsWith('.ttc') ? { face: 'SimSun' } : {}) } : bundled.title;
  return (cached = { body: { path: body }, title: titleFile, source: 'system' });
}

export function readFont(f: FontFile): Buffer {
  return readFileSync(f.path);
}
