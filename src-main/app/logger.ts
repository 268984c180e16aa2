import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// The court server's log: one JSON object per line (so a monitoring tool, `jq` or a spreadsheet
// reads it without a parser of ours), in `<logDir>/<name>.log`, rotated by size: when the file
// passes `maxBytes` it becomes `<name>.log.1`, the older ones move up one, and the oldest beyond
// `files` is deleted. Lines are written with one write(2) each (appends of a few hundred bytes are
// atomic and cost microseconds), so a crash loses at most the line being formed.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  dir: string;
  /** File name without extension. */
  name?: string;
  /** Rotate when the file passes this size (default 10 MB). */
  maxBytes?: number;
  /** How many files to keep, the current one included (default 10). */
  files?: number;
  /** Also print each line to stdout (a service manager's journal keeps it too). */
  echo?: boolean;
  /** Lines below this level are dropped (default info). */
  level?: LogLevel;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export class Logger {
  private fd: number | null = null;
  private size = 0;
  readonly file: string;
  private readonly maxBytes: number;
  private readonly files: number;

  constructor(private readonly o: LoggerOptions) {
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    this.file = join(o.dir, `${o.name ?? 'zhixing-server'}.log`);
    this.maxBytes = o.maxBytes ?? 10 * 1024 * 1024;
    this.files = Math.max(1, o.files ?? 10);
    this.open();
  }

  private open(): void {
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  /** `log.1` is the newest old file; the one past `files - 1` is dropped. */
  private rotate(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const oldest = `${this.file}.${this.files - 1}`;
    if (this.files === 1) rmSync(this.file, { force: true });
    else {
      rmSync(oldest, { force: true });
      for (let i = this.files - 2; i >= 1; i--) if (existsSync(`${this.file}.${i}`)) renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
      if (existsSync(this.file)) renameSync(this.file, `${this.file}.1`);
    }
    this.open();
  }

  write(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < RANK[this.o.level ?? 'info']) return;
    const line = `${JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }, errorReplacer)}\n`;
    if (this.o.echo) process.stdout.write(line);
    if (this.fd === null) return;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    try {
      writeSync(this.fd!, line);
      this.size += bytes;
    } catch {
      // a full disk must not stop the court's work; the line is lost
    }
  }

  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.write('error', msg, fields);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Errors as their message and stack (JSON.stringify would give `{}`). */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack?.split('\n').slice(0, 8).join('\n') };
  return value;
}
