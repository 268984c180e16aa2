import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { adoptForeignFonts } from './pdfFontCache';
import { LAYOUT } from './model';

const A4_TW = { width: LAYOUT.pageWidthTw, height: LAYOUT.pageHeightTw };

// A chunk of a batch's print file, drawn from the pages pdfmake laid out for each document's own PDF:
// one layout pass per document serves both files, and the print file carries ONE subset of each font
// for the whole chunk instead of one per document (the pdf-lib concatenation it replaces made 3,000
// notices a 210 MB file, almost all of it repeated font subsets). The pages are the same pages, in
// the same order, as the documents' own PDFs. The PDF streams straight to disk.

type LaidOutPages = { items: unknown[] }[];
interface PdfKitDoc {
  _pdfMakePages?: LaidOutPages;
  constructor: new (fonts: object, images: object, patterns: object, attachments: object, options: object, virtualfs: unknown, policy: unknown) => PdfKitDoc;
  pipe(dest: WriteStream): void;
  addPage(options: object): void;
  end(): void;
}
type RendererClass = new (doc: PdfKitDoc) => { renderPages(pages: LaidOutPages): void };

const requireCjs = createRequire(import.meta.url);
let renderer: RendererClass | null | undefined;

/** pdfmake's page renderer (not part of its public API: without it the caller concatenates PDFs instead). */
function rendererClass(): RendererClass | null {
  if (renderer !== undefined) return renderer;
  try {
    const mod = requireCjs(requireCjs.resolve('pdfmake/js/Renderer', { paths: [requireCjs.resolve('pdfmake')] })) as { default?: RendererClass };
    renderer = typeof mod.default === 'function' ? mod.default : null;
  } catch {
    renderer = null;
  }
  return renderer;
}

export class PrintFile {
  private doc: PdfKitDoc | null = null;
  private out: WriteStream | null = null;
  private done: Promise<void> | null = null;
  pages = 0;

  private constructor(
    private readonly path: string,
    private readonly Renderer: RendererClass,
    private readonly duplex: boolean,
  ) {}

  /**
   * A new print chunk at `path`, or null when pdfmake's renderer is not reachable. `duplex`: a blank
   * page follows every document of an odd number of pages, so each starts on a front page.
   */
  static open(path: string, duplex = false): PrintFile | null {
    const R = rendererClass();
    return R ? new PrintFile(path, R, duplex) : null;
  }

  /** Draws the pages of a document pdfmake has just laid out (`source` = that document's pdfkit document). */
  add(source: PdfKitDoc): boolean {
    const pages = source._pdfMakePages;
    if (!Array.isArray(pages)) return false;
    const doc = this.doc ?? this.start(source);
    new this.Renderer(doc).renderPages(pages);
    this.pages += pages.length;
    if (this.duplex && pages.length % 2 === 1) {
      doc.addPage({ size: [A4_TW.width / 20, A4_TW.height / 20], margin: 0 });
      this.pages++;
    }
    return true;
  }

  private start(source: PdfKitDoc): PdfKitDoc {
    // The same pdfkit subclass pdfmake made the source with, and the options its Printer gives it.
    const doc = new source.constructor({}, {}, {}, {}, {
      size: 'A4',
      pdfVersion: '1.3',
      compress: true,
      autoFirstPage: false,
      bufferPages: false,
      fontLayoutCache: true,
      font: null,
      info: { Title: '批量文书打印文件', Creator: '执行案件管理系统', Producer: 'Zhixing' },
    }, null, () => false);
    adoptForeignFonts(doc);
    mkdirSync(dirname(this.path), { recursive: true });
    const out = createWriteStream(this.path);
    this.done = new Promise((ok, fail) => {
      out.on('finish', ok);
      out.on('error', fail);
    });
    doc.pipe(out);
    this.doc = doc;
    this.out = out;
    return doc;
  }

  /** Finishes the file; returns its page count (0: nothing was added and no file written). */
  async close(): Promise<number> {
    if (!this.doc) return 0;
    this.doc.end();
    await this.done;
    // Synced here, on the render thread, before the register names it (renderTask.ts: write).
    const fd = openSync(this.path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return this.pages;
  }

  /** Abandons the file (a failed chunk): the stream is closed; the staging folder is removed by the caller. */
  abort(): void {
    this.out?.destroy();
  }
}
