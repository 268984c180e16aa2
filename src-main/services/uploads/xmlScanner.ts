import { UploadFormatError } from '../../../src-shared/domain/uploadLimits';

// A streaming XML tokenizer for the parts of an xlsx: text arrives in chunks, tags and text come out
// as events, and nothing is held but the unfinished tail of the last chunk. One forward pass with
// indexOf — no backtracking regular expression over the document — so time is linear in the input
// whatever its shape (unclosed tags, millions of empty elements). Element and attribute names are
// given without their namespace prefix (`x:row` → `row`). A DOCTYPE is refused: spreadsheets never
// carry one, and it is where entity-expansion attacks live.

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data between tags, entities resolved (may arrive in several pieces). */
  text(text: string): void;
}

/** The longest tag (with its attributes) or comment accepted; real ones are well under 1 KB. */
const MAX_TAG = 64 * 1024;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e]!;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new UploadFormatError('XML 中有无效的字符引用');
    return String.fromCodePoint(cp);
  });
}

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t' || c === '\r';

/** `name="value"` pairs, in one pass (a regular expression can backtrack on a long run without "="). */
function parseAttrs(s: string): Attrs {
  const out: Attrs = Object.create(null) as Attrs;
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpace(s[i])) i++;
    if (i >= n) break;
    const nameStart = i;
    while (i < n && s[i] !== '=' && !isSpace(s[i])) i++;
    const name = s.slice(nameStart, i);
    while (i < n && isSpace(s[i])) i++;
    if (s[i] !== '=') throw new UploadFormatError('XML 结构错误（属性缺少取值）');
    i++;
    while (i < n && isSpace(s[i])) i++;
    const q = s[i];
    if (q !== '"' && q !== "'") throw new UploadFormatError('XML 结构错误（属性值缺少引号）');
    const close = s.indexOf(q, i + 1);
    if (close < 0) throw new UploadFormatError('XML 结构错误（属性值未结束）');
    out[local(name)] = unescapeXml(s.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

export class XmlScanner {
  private buf = '';

  constructor(private readonly h: XmlHandler) {}

  feed(chunk: string): void {
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.buf.trim()) throw new UploadFormatError('XML 不完整（文件被截断或已损坏）');
    this.buf = '';
  }

  private drain(final: boolean): void {
    const s = this.buf;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt < 0 ? s.length : lt;
      if (textEnd > pos) {
        // Hold back a trailing entity that may continue in the next chunk ("&am" + "p;").
        let cut = textEnd;
        if (lt < 0 && !final) {
          const amp = s.lastIndexOf('&', textEnd - 1);
          if (amp >= pos && amp > textEnd - 12 && !s.includes(';', amp)) cut = amp;
        }
        if (cut > pos) this.h.text(unescapeXml(s.slice(pos, cut)));
        pos = cut;
        if (lt < 0) break;
      }
      if (lt < 0) break;
      const end = this.tagEnd(s, lt);
      if (end < 0) {
        if (s.length - lt > MAX_TAG) throw new UploadFormatError('XML 标记过长或未结束（文件已损坏）');
        pos = lt;
        break;
      }
      this.tag(s, lt, end);
      pos = end;
    }
    this.buf = s.slice(pos);
  }

  /** Index just past the construct opening at `lt`, or -1 when it is not complete yet. */
  private tagEnd(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<?', lt)) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    // An ordinary tag ends at the first '>' outside a quoted attribute value.
    let quote = '';
    const stop = Math.min(s.length, lt + MAX_TAG + 1);
    for (let i = lt + 1; i < stop; i++) {
      const c = s[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') return i + 1;
      else if (c === '<') throw new UploadFormatError('XML 结构错误（标记中出现“<”）');
    }
    return -1;
  }

  private tag(s: string, lt: number, end: number): void {
    const c1 = s[lt + 1];
    if (c1 === '?') return;
    if (c1 === '!') {
      if (s.startsWith('<!--', lt)) return;
      if (s.startsWith('<![CDATA[', lt)) {
        this.h.text(s.slice(lt + 9, end - 3));
        return;
      }
      throw new UploadFormatError('不支持含 DOCTYPE 或实体声明的 XML');
    }
    if (c1 === '/') {
      this.h.close(local(s.slice(lt + 2, end - 1).trim()));
      return;
    }
    const selfClosing = s[end - 2] === '/';
    const inner = s.slice(lt + 1, selfClosing ? end - 2 : end - 1);
    let sp = 0;
    while (sp < inner.length && !isSpace(inner[sp])) sp++;
    if (sp === inner.length) sp = -1;
    const name = local(sp < 0 ? inner : inner.slice(0, sp));
    if (!name) throw new UploadFormatError('XML 结构错误（空的标记名）');
    this.h.open(name, sp < 0 ? {} : parseAttrs(inner.slice(sp)), selfClosing);
  }
}
