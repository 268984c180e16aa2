import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Logger } from '../../src-main/app/logger';
import { hostCheck } from '../../src-main/server/hostNames';
import { parseListen } from '../../src-main/server/config';
import { checkVersionDeclaration } from '../../src-main/api/versionDeclaration';
import { LoginThrottle } from '../../src-main/services/auth/throttle';
import { methods } from '../../src-shared/api';
import { seen } from '../../src-shared/api/caseVersions';
import type { MethodSpec } from '../../src-shared/api/contract';

describe('the structured log', () => {
  it('writes one JSON object per line and rotates by size, keeping the configured number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-log-'));
    const log = new Logger({ dir, maxBytes: 2000, files: 3 });
    for (let i = 0; i < 100; i++) log.info('request', { method: 'cases.list', i, error: i === 7 ? new Error('坏了') : undefined });
    log.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['zhixing-server.log', 'zhixing-server.log.1', 'zhixing-server.log.2']);
    const lines = files.flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'));
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThan(2000);
    const parsed = lines.map((l) => JSON.parse(l) as { level: string; msg: string; i: number; t: string });
    expect(parsed.every((p) => p.level === 'info' && p.msg === 'request' && /^\d{4}-/.test(p.t))).toBe(true);
    // The newest lines are in the current file; the oldest beyond three files are gone.
    const current = readFileSync(join(dir, 'zhixing-server.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).i as number);
    expect(current.at(-1)).toBe(99);
    expect(Math.min(...parsed.map((p) => p.i))).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'zhixing-server.log.3'))).toBe(false);
  });
});

describe('server names', () => {
  it('accepts the configured names and this machine on the port, with https origins only', () => {
    const c = hostCheck({ listenHost: '10.20.1.5', port: 8443, names: ['zhixing.kailu.court'], scheme: 'https' });
    expect(c.host('10.20.1.5:8443')).toBe(true);
    expect(c.host('ZHIXING.kailu.court:8443')).toBe(true);
    expect(c.host('localhost:8443')).toBe(true);
    expect(c.host('zhixing.kailu.court')).toBe(false); // not the default port
    expect(c.host('evil.example:8443')).toBe(false);
    expect(c.host('10.20.1.6:8443')).toBe(false);
    expect(c.origin('https://zhixing.kailu.court:8443')).toBe(true);
    expect(c.origin('http://zhixing.kailu.court:8443')).toBe(false);
    const on443 = hostCheck({ listenHost: '10.20.1.5', port: 443, names: [], scheme: 'https' });
    expect(on443.host('10.20.1.5')).toBe(true);
    expect(on443.host('10.20.1.5:443')).toBe(true);
    const v6 = hostCheck({ listenHost: 'fd00::5', port: 8443, names: [], scheme: 'https' });
    expect(v6.host('[fd00::5]:8443')).toBe(true);
  });

  it('reads the listening address as typed', () => {
    expect(parseListen('10.20.1.5:8443')).toEqual({ host: '10.20.1.5', port: 8443 });
    expect(parseListen('[::]:8443')).toEqual({ host: '::', port: 8443 });
    expect(parseListen('8443')).toEqual({ host: '0.0.0.0', port: 8443 });
    expect(() => parseListen('10.20.1.5')).toThrow(/地址:端口/);
    expect(() => parseListen('10.20.1.5:0')).toThrow(/端口/);
  });
});

describe('the login throttle', () => {
  const s = { loginMaxFailures: 3, loginLockMinutes: 10, loginAddressMaxFailures: 5 };
  it('counts failures in a sliding window per name and per address; a success clears the name only', () => {
    const th = new LoginThrottle();
    const at = (min: number) => new Date(Date.UTC(2026, 10, 22, 2, min));
    th.failed('Zhang', '10.0.0.9', at(0), s);
    // Ten minutes on, the first failure has left the window: the third in a row is still only the second counted.
    expect(th.failed('zhang', '10.0.0.1', at(10), s)).toEqual({});
    expect(th.failed('ZHANG', '10.0.0.1', at(11), s)).toEqual({});
    expect(th.failed('zhang', '10.0.0.1', at(12), s).name).toEqual(new Date(Date.UTC(2026, 10, 22, 2, 22)));
    expect(() => th.check('zhang', '10.0.0.2', at(13))).toThrow('请于 10:22 后再试');
    expect(() => th.check('li', '10.0.0.1', at(13))).not.toThrow();
    expect(() => th.check('zhang', null, at(23))).not.toThrow();
    th.failed('li', '10.0.0.1', at(14), s);
    th.succeeded('li');
    expect(th.failed('wang', '10.0.0.1', at(15), s).address).toBeDefined(); // fifth from that address within the window
    expect(() => th.check('li', '10.0.0.1', at(16))).toThrow('此计算机（10.0.0.1）');
    expect(() => th.check('li', null, at(16))).not.toThrow(); // the app's own calls have no address
  });
});

describe('case version declarations', () => {
  const base = { summary: 'x', output: z.object({}), access: ['window'] as const };
  it('refuse a case-changing method that does not say how the clerk\'s view is checked', () => {
    const noDecl = { ...base, input: z.object({ caseId: z.number() }), writes: true, cases: { ids: { caseId: 'case' } } } as unknown as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', noDecl)).toThrow(/declares no versions/);
    const noField = { ...noDecl, versions: 'seen' } as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', noField)).toThrow(/shared `seen` field/);
    const ownSeen = { ...noDecl, input: z.object({ caseId: z.number(), seen: z.any() }), versions: 'seen' } as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', ownSeen)).toThrow(/shared `seen` field/);
    const noReason = { ...noDecl, versions: { exempt: '' } } as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', noReason)).toThrow(/reason/);
    const noCases = { ...noDecl, input: z.object({ teamId: z.string(), seen }), cases: { ids: { teamId: 'team' } }, versions: 'seen' } as unknown as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', noCases)).toThrow(/names no case/);
    const good = { ...noDecl, input: z.object({ caseId: z.number(), seen }), versions: 'seen' } as MethodSpec;
    expect(() => checkVersionDeclaration('x.write', good)).not.toThrow();
  });

  it('hold for every method of the contract, and every case-changing write declares them', () => {
    for (const [name, spec] of Object.entries(methods as Record<string, MethodSpec>)) {
      expect(() => checkVersionDeclaration(name, spec), name).not.toThrow();
      if (spec.writes && spec.cases !== 'none') expect(spec.versions, name).toBeDefined();
    }
  });
});
