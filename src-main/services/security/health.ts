import { join } from 'node:path';
import type { App } from '../../app/app';
import { verifyAuditChain, verifyAuditChainAsync, type AuditReport } from '../audit/verify';

export interface QuickCheck {
  ok: boolean;
  problems: string[];
  checkedAt: string;
}

interface Health {
  quickCheck: QuickCheck | null;
  audit: AuditReport | null;
}

// Per App (one per data folder), without adding fields to the App class.
const health = new WeakMap<App, Health>();

export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

export function healthOf(app: App): Health {
  let h = health.get(app);
  if (!h) health.set(app, (h = { quickCheck: null, audit: null }));
  return h;
}

/** PRAGMA quick_check (issue 7): O(N) structure check of every table and index, without the slower index cross-check. */
export function quickCheck(app: App): QuickCheck {
  let problems: string[];
  try {
    const rows = app.db.sqlite.pragma('quick_check(20)') as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  const r = { ok: problems.length === 0, problems, checkedAt: app.clock.nowIso() };
  healthOf(app).quickCheck = r;
  return r;
}

export function verifyAudit(app: App): AuditReport {
  const r = verifyAuditChain(app.db, app.clock.now(), join(app.dataDir, AUDIT_ANCHOR_FILE));
  healthOf(app).audit = r;
  return r;
}

/** The chunked variant, for start-up and audit.verify: the app keeps serving while it runs. */
export async function verifyAuditInBackground(app: App): Promise<AuditReport> {
  const r = await verifyAuditChainAsync(app.db, app.clock.now(), join(app.dataDir, AUDIT_ANCHOR_FILE));
  healthOf(app).audit = r;
  return r;
}

/**
 * Start-up checks: a failing quick_check puts the app into read-only mode (the registry then refuses
 * every method marked `writes`) and the UI offers the latest backup; a broken audit chain is
 * reported to the administrator (system.health, audit.verify) but does not stop the court's work.
 */
export function runStartupChecks(app: App): void {
  const qc = quickCheck(app);
  if (!qc.ok) {
    app.readOnly = true;
    app.log('error', `数据库自检未通过，已进入只读模式：${qc.problems.join('；')}`);
    return;
  }
  // Small logs are verified before the first request; large ones in the background (seconds per
  // million events), with system.health showing the result once it is in.
  const events = (app.db.sqlite.prepare('SELECT max(id) AS n FROM case_events').get() as { n: number | null }).n ?? 0;
  const report = (a: AuditReport) => {
    if (!a.ok) app.log('error', `操作日志校验未通过：${a.firstBroken?.reason ?? '防篡改触发器缺失'}`);
  };
  const fail = (e: unknown) => app.log('error', '操作日志校验失败', e);
  if (events <= 50_000) {
    try {
      report(verifyAudit(app));
    } catch (e) {
      fail(e);
    }
  } else {
    verifyAuditInBackground(app).then(report, (e: unknown) => {
      if (app.db.sqlite.open) fail(e); // closed meanwhile: nothing to report
    });
  }
}
