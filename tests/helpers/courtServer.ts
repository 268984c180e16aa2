import { spawn, type ChildProcess } from 'node:child_process';
import { request, type Agent } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import { bundleForNode } from './bundle';

// The court server as a separate process (the real `server.js` entry, bundled from TypeScript) and
// a small HTTPS client for it. The client accepts the server's self-signed certificate but reports
// its fingerprint, so a test can compare it with what the server printed.

let bundled: Promise<string> | null = null;
/** The server's command-line entry, bundled once per test file. */
export function serverEntry(): Promise<string> {
  bundled ??= bundleForNode('src-main/cli/server.ts');
  return bundled;
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** The fingerprint in the machine-readable `listening` line. */
  fingerprint256: string;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Sends a signal and waits for the process to end; resolves with its exit code (null when killed). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `server.js` with the given arguments and waits for its `listening` line (or its failure). */
export async function startServer(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const entry = await serverEntry();
  const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const line = await new Promise<{ port: number; fingerprint256: string }>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${out}\n${err}`)), 60_000);
    const look = () => {
      const m = /^\{"event":"listening".*\}$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      ok(JSON.parse(m[0]) as { port: number; fingerprint256: string });
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}) before listening:\n${out}\n${err}`));
    });
  });
  return {
    child,
    port: line.port,
    fingerprint256: line.fingerprint256,
    stdout: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** The certificate a TLS server shows, without trusting it. */
export function peerFingerprint(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((ok, fail) => {
    const s: TLSSocket = connect({ host, port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] }, () => {
      const fp = s.getPeerCertificate().fingerprint256;
      s.destroy();
      ok(fp);
    });
    s.once('error', fail);
  });
}

export interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string; details?: unknown }; asOf?: number; skipped?: unknown[] } | null;
  body: string;
}

/** `POST /api/<method>` over HTTPS (or GET with `method: 'GET'`), with the Host the clerk typed. */
export function httpsCall(port: number, path: string, body: unknown, opts: { token?: string; headers?: Record<string, string>; method?: string; agent?: Agent } = {}): Promise<HttpsReply> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: path.startsWith('/') ? path : `/api/${path}`,
        method: opts.method ?? 'POST',
        rejectUnauthorized: false,
        ...(opts.agent ? { agent: opts.agent } : {}),
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: HttpsReply['json'] = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON
          }
          ok({ status: res.statusCode ?? 0, headers: res.headers, json, body: text });
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

export async function httpsLogin(port: number, username: string, password: string): Promise<string> {
  const r = await httpsCall(port, 'auth.login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.body}`);
  return (r.json!.data as { token: string }).token;
}

export interface EventReader {
  /** Every event received so far: topic and parsed data. */
  events: { topic: string; data: unknown }[];
  status: Promise<number>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET /api/events` and collects the events. */
export function readEvents(port: number, token: string): EventReader {
  const events: EventReader['events'] = [];
  let closeReq: () => void = () => undefined;
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((r) => (endedResolve = r));
  const status = new Promise<number>((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/events', method: 'GET', rejectUnauthorized: false, headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
      (res) => {
        ok(res.statusCode ?? 0);
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (c: string) => {
          buffer += c;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const topic = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (topic && data) events.push({ topic, data: JSON.parse(data) });
          }
        });
        res.on('end', () => endedResolve());
        res.on('close', () => endedResolve());
      },
    );
    req.on('error', (e) => {
      endedResolve();
      fail(e);
    });
    req.end();
    closeReq = () => req.destroy();
  });
  return { events, status, ended, close: () => closeReq() };
}
