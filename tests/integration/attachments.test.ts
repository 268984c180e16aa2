import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import { b64, JPEG, pdf, png, pngChunk, tiff, ZIP_TAIL } from '../helpers/attachmentFiles';
import type { FileResponse } from '../../src-main/api/context';

// Attachments are hostile until shown otherwise (docs/security.md, uploads): checked in the upload
// worker by their first bytes and structure, polyglots and active PDF content refused, stored under
// a generated name with their SHA-256, which a download checks again.

let t: TestApp;
let caseId: number;
beforeAll(async () => {
  t = openTestApp();
  t.app.clock.set('2026-11-20T02:00:00Z');
  caseId = (await t.call('cases.file', sampleDraft())).id;
  t.user('clerk', ['docsQuery']);
});
afterAll(async () => t?.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upload = (fileName: string, bytes: Buffer, as = 'clerk') => t.call('attachments.upload', { caseId, fileName, contentBase64: b64(bytes) }, as);
const refuse = (fileName: string, bytes: Buffer) => t.fail('attachments.upload', { caseId, fileName, contentBase64: b64(bytes) }, 'clerk');
const rows = () => t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM attachments')[0]!.n;
/** Every file under the data folder's attachments (the staging area included). */
function stored(): string[] {
  const root = join(t.dir, 'attachments');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : out.push(join(d, n))));
  walk(root);
  return out;
}

describe('attachments: what is kept', () => {
  it('keeps a PDF, a JPEG, a PNG and a TIFF under generated names with their SHA-256, and serves each back checked', async () => {
    for (const [name, bytes, type] of [
      ['执行笔录扫描件.pdf', pdf(), 'pdf'],
      ['现场照片.jpg', JPEG, 'jpeg'],
      ['车辆照片.PNG', png(16, 8), 'png'],
      ['房产证扫描.tif', tiff(), 'tiff'],
    ] as const) {
      const a = await upload(name, bytes);
      expect(a).toMatchObject({ caseId, type, name, bytes: bytes.length, sha256: sha(bytes), uploadedBy: 'clerk' });
      const row = t.app.db.raw<{ stored_path: string }>('SELECT stored_path FROM attachments WHERE id = ?', a.id)[0]!;
      expect(row.stored_path).toMatch(new RegExp(`^attachments/${caseId}/[0-9a-f-]{36}\\.(pdf|jpg|png|tif)$`));
      expect(row.stored_path).not.toContain(name.replace(/\..*$/, ''));
      const onDisk = join(t.dir, ...row.stored_path.split('/'));
      expect(readFileSync(onDisk).equals(bytes)).toBe(true);
      if (process.platform !== 'win32') expect(statSync(onDisk).mode & 0o777).toBe(0o600);
      const file = (await t.call('attachments.file', { attachmentId: a.id })) as unknown as FileResponse;
      expect(file.mime).toBe({ pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff' }[type]);
      expect(file.fileName).toBe(name);
      expect(readFileSync(file.path).equals(bytes)).toBe(true);
    }
    const events = t.app.db.raw<{ payload: string }>("SELECT payload FROM case_events WHERE case_id = ? AND type = 'attachment.added'", caseId).map((e) => JSON.parse(e.payload));
    expect(events.map((e) => e.sha256)).toEqual([sha(pdf()), sha(JPEG), sha(png(16, 8)), sha(tiff())]);
    expect((await t.call('attachments.list', { caseId })).map((a) => a.name)).toEqual(['房产证扫描.tif', '车辆照片.PNG', '现场照片.jpg', '执行笔录扫描件.pdf']);
  });

  it('refuses the download of a file changed on disk after upload (its SHA-256 no longer matches)', async () => {
    const bytes = png(4, 4);
    const a = await upload('改动前.png', bytes);
    const row = t.app.db.raw<{ stored_path: string }>('SELECT stored_path FROM attachments WHERE id = ?', a.id)[0]!;
    const onDisk = join(t.dir, ...row.stored_path.split('/'));
    const changed = Buffer.from(bytes);
    changed[changed.length - 20] = changed[changed.length - 20]! ^ 0xff;
    writeFileSync(onDisk, changed);
    const e = await t.fail('attachments.file', { attachmentId: a.id });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('与上传时的校验值不符');
    expect((e.details as { expected: string }).expected).toBe(sha(bytes));
  });
});

describe('attachments: what is refused, with nothing written', () => {
  const before = { rows: 0, files: 0 };
  const snapshot = () => ((before.rows = rows()), (before.files = stored().length));
  const nothingWritten = () => {
    expect(rows()).toBe(before.rows);
    expect(stored().length).toBe(before.files);
  };

  it('refuses a file whose first bytes are not one of the four types, whatever its name says', async () => {
    snapshot();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]);
    for (const [name, bytes] of [
      ['判决书.pdf', exe],
      ['照片.png', Buffer.from('<html><body>hello</body></html>')],
      ['扫描.jpg', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ] as const) {
      const e = await refuse(name, bytes);
      expect(e).toMatchObject({ code: 'invalid_input', field: 'contentBase64' });
      expect(e.message).toContain('文件内容不是 PDF、JPEG、PNG 或 TIFF');
    }
    // A real PNG named .jpg: the name must agree with the content.
    expect((await refuse('照片.jpg', png())).message).toBe('文件扩展名与文件内容不符：内容是PNG 图片，扩展名应为 .png');
    nothingWritten();
  });

  it('refuses a file over 20 MB before reading it, and the checker refuses one even when called directly', async () => {
    snapshot();
    const big = Buffer.concat([pdf(), Buffer.alloc(20 * 1024 * 1024 + 1 - pdf().length, 0x20)]);
    const e = await refuse('大文件.pdf', big);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('20 MB');
    const { checkAttachment } = await import('../../src-main/services/uploads/attachmentCheck');
    expect(() => checkAttachment(big, '大文件.pdf')).toThrow('文件超过附件大小上限 20 MB');
    nothingWritten();
  });

  it('refuses a name that is a path (.., slashes, a drive, a leading dot, a reserved name)', async () => {
    snapshot();
    for (const name of ['../../zhixing.sqlite.png', '..\\..\\x.png', 'C:\\Windows\\x.png', '/etc/passwd.png', 'a/b.png', '.htaccess.png', 'CON.png', 'x..png']) {
      const e = await refuse(name, png());
      expect(e, name).toMatchObject({ code: 'invalid_input', field: 'fileName' });
    }
    expect(existsSync(join(t.dir, 'zhixing.sqlite.png'))).toBe(false);
    nothingWritten();
  });

  it('refuses polyglots: an image that is also a zip or a PDF, script hidden in an image, bytes after the end, a PNG with a broken checksum', async () => {
    snapshot();
    const cases: [string, Buffer, string][] = [
      ['图片.png', Buffer.concat([png(), ZIP_TAIL]), '结束之后还有其他数据'],
      // A zip directory inside a well-formed chunk, or after a TIFF's data: the structure holds, the file is still a zip.
      ['图片5.png', png(4, 4, [pngChunk('zpKg', ZIP_TAIL)]), '压缩包'],
      ['扫描.tif', Buffer.concat([tiff(), ZIP_TAIL]), '压缩包'],
      ['图片2.png', png(4, 4, [pngChunk('tEXt', Buffer.from('Comment\0%PDF-1.4 1 0 obj<<>>endobj', 'latin1'))]), 'PDF 文件头'],
      ['照片.jpg', Buffer.concat([JPEG.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x1e]), Buffer.from('<script>alert(1)</script>', 'latin1'), Buffer.alloc(3), JPEG.subarray(2)]), '网页或脚本'],
      ['照片2.jpg', Buffer.concat([JPEG, Buffer.from('PK\x03\x04 more data', 'latin1')]), '没有正常结束'],
      ['图片3.png', Buffer.concat([png(), Buffer.from('<html>', 'latin1')]), '结束之后还有其他数据'],
      ['扫描.pdf', Buffer.concat([pdf(), Buffer.from('<html><script>x</script></html>\n', 'latin1')]), '结束之后还有其他数据'],
      ['扫描2.pdf', Buffer.concat([pdf(), ZIP_TAIL]), '结束之后还有其他数据'],
    ];
    const broken = png();
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 0x01; // IEND's CRC
    cases.push(['图片4.png', broken, '校验失败']);
    for (const [name, bytes, why] of cases) {
      const e = await refuse(name, bytes);
      expect(e.code, name).toBe('invalid_input');
      expect(e.message, name).toContain(why);
    }
    nothingWritten();
  });

  it('refuses a PDF with active content: JavaScript, a launch action, an embedded file — also written with #xx escapes or inside a compressed object stream', async () => {
    snapshot();
    const objStm = (body: string) => {
      const data = deflateSync(Buffer.from(body, 'latin1'));
      return `<</Type/ObjStm/N 1/First 4/Length ${data.length}/Filter/FlateDecode>>\nstream\n${data.toString('latin1')}\nendstream`;
    };
    for (const [name, bytes] of [
      ['脚本.pdf', pdf('/OpenAction<</S/JavaScript/JS(app.alert(1))>>')],
      ['转义.pdf', pdf('/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>')],
      ['启动.pdf', pdf('/OpenAction<</S/Launch/F(cmd.exe)>>')],
      ['嵌入.pdf', pdf('/Names<</EmbeddedFiles 4 0 R>>', ['<</Names[(x.exe) 5 0 R]>>'])],
      ['对象流.pdf', pdf('', [objStm('5 0 <</S/JavaScript/JS(app.alert(1))>>')])],
    ] as const) {
      const e = await refuse(name, Buffer.from(bytes));
      expect(e.code, name).toBe('invalid_input');
      expect(e.message, name).toContain('活动内容');
    }
    nothingWritten();
  });
});

describe('attachments over the web transport', () => {
  it('uploads through POST /api/attachments.upload and serves the file back as a download that nothing can run (type, attachment, nosniff, sandbox)', async () => {
    const { startWebServer } = await import('../../src-main/transports/http');
    const { request } = await import('node:http');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const staticDir = mkdtempSync(join(tmpdir(), 'zhixing-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>执行</title>');
    const server = await startWebServer(t.app, { port: 0, staticDir });
    const port = (server.address() as { port: number }).port;
    const post = (path: string, body: unknown, token?: string) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', fail);
        req.end(JSON.stringify(body));
      });
    try {
      const token = JSON.parse((await post('/api/auth.login', { username: 'clerk', password: 'password-1' })).body.toString()).data.token as string;
      // A photo large enough that the request body is parsed in the upload worker (over 256 KB): a
      // private ancillary chunk of deterministic noise makes it 400 KB.
      const noise = Buffer.concat(Array.from({ length: 12_500 }, (_, i) => createHash('sha256').update(String(i)).digest()));
      const photo = png(64, 64, [pngChunk('raNd', noise)]);
      expect(photo.length).toBeGreaterThan(400_000);
      const up = await post('/api/attachments.upload', { caseId, fileName: '现场照片.png', contentBase64: b64(photo) }, token);
      expect(up.status).toBe(200);
      const id = JSON.parse(up.body.toString()).data.id as number;
      const down = await post('/api/attachments.file', { attachmentId: id }, token);
      expect(down.status).toBe(200);
      expect(down.body.equals(photo)).toBe(true);
      expect(down.headers['content-type']).toBe('image/png');
      expect(String(down.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''/);
      expect(down.headers['x-content-type-options']).toBe('nosniff');
      expect(down.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      const bad = await post('/api/attachments.upload', { caseId, fileName: '../x.png', contentBase64: b64(photo) }, token);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body.toString()).error).toMatchObject({ code: 'invalid_input', field: 'fileName' });
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
