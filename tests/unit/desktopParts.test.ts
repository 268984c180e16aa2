import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { formatAddress, parseServerAddress } from '../../src-main/net/address';
import { FileCache, safeFileName } from '../../src-main/electron/fileCache';
import { DesktopSettingsStore } from '../../src-main/electron/desktopSettings';
import { LocalBackend, type BackOfficeChild } from '../../src-main/electron/localBackend';
import type { FromBackOffice, ToBackOffice } from '../../src-main/electron/backOfficeProtocol';
import type { ConnectionEvent } from '../../src-shared/desktopBridge';

// The small pieces of the desktop shell: the server address as typed, the download cache, the
// settings file, and the utility-process relay's behaviour when the back office cannot start or
// keeps dying.

describe('server address', () => {
  it('reads IPv4, host names and bracketed IPv6 with a port', () => {
    expect(parseServerAddress(' 10.20.1.5:8443 ')).toEqual({ host: '10.20.1.5', port: 8443 });
    expect(parseServerAddress('https://zhixing.kailu.court:443/')).toEqual({ host: 'zhixing.kailu.court', port: 443 });
    expect(parseServerAddress('[fd00::5]:8443')).toEqual({ host: 'fd00::5', port: 8443 });
    expect(formatAddress({ host: 'fd00::5', port: 8443 })).toBe('[fd00::5]:8443');
    expect(() => parseServerAddress('fd00::5')).toThrow('请在地址后写上端口');
    expect(() => parseServerAddress('[zhixing]:80')).toThrow('方括号内应为 IPv6 地址');
    expect(() => parseServerAddress('a_b.court:80')).toThrow('只能是 IP 地址或主机名');
    expect(() => parseServerAddress('10.20.1.5:0')).toThrow('端口应为 1 到 65535');
  });
});

describe('download cache', () => {
  it('keeps a proposed file name inside the cache folder and off device names', () => {
    expect(safeFileName('../../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('a:b*c?.pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName('...')).toBe('下载文件');
    expect(safeFileName('(2026)内0523执1号-通知书.pdf')).toBe('(2026)内0523执1号-通知书.pdf');
  });

  it('writes each download to its own folder, and sweeps those older than a week', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhixing-cache-'));
    const cache = new FileCache(root);
    const a = await cache.save('同名.pdf', Readable.from([Buffer.from('one')]));
    const b = await cache.save('同名.pdf', Readable.from([Buffer.from('two')]));
    expect(a).not.toBe(b);
    await expect(cache.save('big.bin', Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)).rejects.toThrow('文件过大');
    expect(readdirSync(root)).toHaveLength(2); // the refused one left nothing
    const old = join(root, 'old');
    mkdirSync(old);
    writeFileSync(join(old, 'x.pdf'), 'x');
    const tenDaysAgo = (Date.now() - 10 * 86_400_000) / 1000;
    utimesSync(old, tenDaysAgo, tenDaysAgo);
    expect(cache.sweep()).toBe(1);
    expect(readdirSync(root).sort()).toHaveLength(2);
  });
});

describe('desktop settings file', () => {
  it('stores the choice, treats a damaged file as no choice, and is cleared to ask again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-settings-'));
    const store = new DesktopSettingsStore(join(dir, 'zhixing-desktop.json'));
    expect(store.read()).toBeNull();
    store.write({ version: 1, mode: 'local' });
    expect(store.read()).toEqual({ version: 1, mode: 'local' });
    expect(() => store.write({ version: 1, mode: 'server', host: 'h', port: 1, fingerprint256: 'nope', confirmedAt: 'x' })).toThrow();
    expect(store.read()).toEqual({ version: 1, mode: 'local' }); // a refused write changes nothing
    writeFileSync(store.file, '{"version":1,"mode":"server","host":"10.0.0.1"');
    expect(store.read()).toBeNull();
    store.clear();
    expect(store.read()).toBeNull();
  });
});

/** A utility process that answers as told: `fatal` at open, or dies right after opening. */
class ScriptedChild extends EventEmitter implements BackOfficeChild {
  constructor(private readonly onOpen: (child: ScriptedChild) => void) {
    super();
  }
  postMessage(m: ToBackOffice): void {
    if (m.type === 'open') setImmediate(() => this.onOpen(this));
  }
  reply(m: FromBackOffice): void {
    this.emit('message', m);
  }
  kill(): boolean {
    return true;
  }
}

describe('utility-process relay', () => {
  it('reports a data folder that cannot be opened once, and does not restart', async () => {
    const fatal: string[] = [];
    let forks = 0;
    const backend = new LocalBackend(
      () => (forks++, new ScriptedChild((c) => c.reply({ type: 'fatal', message: '该数据文件夹已被另一个执行案件管理系统程序打开' }))),
      '/tmp/x',
      (m) => fatal.push(m),
      [1],
    );
    const r = await backend.call('system.info', {}, null);
    expect(r).toEqual({ kind: 'result', result: { ok: false, error: { code: 'unavailable', message: '该数据文件夹已被另一个执行案件管理系统程序打开' } } });
    expect(fatal).toEqual(['该数据文件夹已被另一个执行案件管理系统程序打开']);
    expect(backend.link.state).toBe('failed');
    await new Promise((r) => setTimeout(r, 20));
    expect(forks).toBe(1);
  });

  it('stops restarting a back office that keeps dying, and says so', async () => {
    let forks = 0;
    const links: ConnectionEvent[] = [];
    const backend = new LocalBackend(
      () =>
        (forks++,
        new ScriptedChild((c) => {
          c.reply({ type: 'ready' });
          c.emit('exit', 134);
        })),
      '/tmp/x',
      () => undefined,
      [1],
    );
    backend.onLink((e) => links.push(e));
    await expect.poll(() => backend.link.state).toBe('failed');
    expect(forks).toBe(6);
    expect(backend.link.message).toContain('已停止自动重启');
    expect(links.filter((l) => l.state === 'restarting')).toHaveLength(5);
    expect(await backend.call('auth.me', {}, 't')).toMatchObject({ kind: 'result', result: { ok: false, error: { code: 'unavailable' } } });
  });
});
