// Text hygiene at the boundary: every string that enters through the API (and every cell of an
// uploaded file) is cleaned here before any schema or rule sees it, so what is stored, compared and
// printed is what a clerk sees on screen.
//
// - Refused: NUL (truncates strings in C libraries and file names) and lone UTF-16 surrogates (not
//   text at all: they cannot be encoded as UTF-8 and break exports).
// - Removed: control characters other than tab and line breaks, and invisible format characters —
//   zero-width spaces and joiners, bidirectional overrides (U+202E turns "exe.txt" into "txt.exe"),
//   variation selectors, soft hyphens, byte-order marks, Hangul fillers. They let two names that look
//   the same differ (a zero-width space hid the duplicate-title warning at filing), or reorder what is
//   shown. Mongolian variation selectors are kept inside Mongolian script, where they are spelling.
//   A value made only of such characters is refused rather than silently emptied.
// - Normalised: Unicode NFKC (full-width digits and letters typed in a Chinese input method become
//   ASCII, compatibility forms their plain letters), line breaks become "\n" — with one exception:
//   the full-width punctuation of Chinese writing (，：；（）！？ and the like, U+FF01–U+FF0F,
//   U+FF1A–U+FF20, U+FF3B–U+FF40, U+FF5B–U+FF65, U+FFE0–U+FFEE), circled and parenthesised numbers
//   (U+2460–U+24FF, U+3200–U+32FF) and CJK compatibility units (㎡, U+3300–U+33FF) stay as typed:
//   NFKC would turn every comma of a name, address or ruling into ASCII and ㎡ into "m2".

export type Cleaned = { ok: true; value: string } | { ok: false; reason: string };

const PLAIN = /^[\x20-\x7e\n\t]*$/;
const KEPT = /[\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\uFFE0-\uFFEE\u2460-\u24FF\u3200-\u33FF]/u;
const KEPT_RUNS = /[^\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\uFFE0-\uFFEE\u2460-\u24FF\u3200-\u33FF]+/gu;
/** Controls (C0 but tab and line feed, DEL, C1), format characters (Cf), and the invisible letters and marks named above. */
const INVISIBLE = /[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0\uFE00-\uFE0F\uFFF0-\uFFF8\uFFFE\uFFFF\u{E0000}-\u{E0FFF}\u{1D173}-\u{1D17A}]/gu;
/** In a `u` expression a surrogate pair is one code point: only an unpaired half matches. */
const LONE_SURROGATE = /\p{Cs}/u;
const MONGOLIAN_FVS = /[\u180B-\u180F]/gu;
const MONGOLIAN_LETTERS = /[\u1820-\u18AF]/u;

/** Cleans one string; `reason` names what made it unacceptable. */
export function cleanText(s: string): Cleaned {
  if (PLAIN.test(s)) return { ok: true, value: s };
  if (LONE_SURROGATE.test(s)) return { ok: false, reason: '含有无效的字符编码（孤立的代理项）' };
  if (s.includes('\0')) return { ok: false, reason: '含有空字符（NUL）' };
  let t = s.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  const before = t.length;
  t = t.replace(INVISIBLE, '');
  if (!MONGOLIAN_LETTERS.test(t)) t = t.replace(MONGOLIAN_FVS, '');
  const removed = t.length !== before;
  t = KEPT.test(t) ? t.replace(KEPT_RUNS, (run) => run.normalize('NFKC')) : t.normalize('NFKC');
  // NFKC can itself produce a removable character (rare compatibility mappings): clean once more.
  t = t.replace(INVISIBLE, '');
  // (String.prototype.trim counts U+FEFF as white space: test for anything but plain spaces instead.)
  if (removed && t.trim() === '' && /[^ \t\n]/.test(s)) return { ok: false, reason: '只含有不可见字符或控制字符' };
  return { ok: true, value: t };
}

export type CleanedInput = { ok: true; value: unknown } | { ok: false; field: string; reason: string };

/** Nesting an API input may have (the deepest method input is 5 levels). */
export const MAX_INPUT_DEPTH = 32;

/**
 * Cleans every string (and object key) of an input, depth first. Returns the cleaned copy, or the
 * path of the first value refused (`debtors.0.name`) with the reason.
 */
export function cleanInput(value: unknown): CleanedInput {
  try {
    return { ok: true, value: walk(value, [], 0) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, field: e.path.join('.'), reason: e.message };
    throw e;
  }
}

class Refused extends Error {
  constructor(
    readonly path: (string | number)[],
    reason: string,
  ) {
    super(reason);
  }
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function walk(v: unknown, path: (string | number)[], depth: number): unknown {
  if (depth > MAX_INPUT_DEPTH) throw new Refused(path, `输入嵌套超过 ${MAX_INPUT_DEPTH} 层`);
  if (typeof v === 'string') {
    const c = cleanText(v);
    if (!c.ok) throw new Refused(path, c.reason);
    return c.value;
  }
  if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], depth + 1));
  if (v !== null && typeof v === 'object' && isPlain(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = cleanText(k);
      if (!key.ok) throw new Refused([...path, k.replace(/[^\x20-\x7e]/g, '?')], `字段名${key.reason}`);
      // defineProperty: a key named "__proto__" stays a plain field instead of replacing the prototype.
      Object.defineProperty(out, key.value, { value: walk(x, [...path, key.value], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}
