import type { Db } from '../../db/connection';

/**
 * The next serial for a court, year and type (案号 rules Arts. 9–10: per court and type, restarting
 * each year). Gap-free and never reused: the counter moves inside the filing's own BEGIN IMMEDIATE
 * transaction, so two clerks (or two processes) filing at once get consecutive serials, and a
 * filing that fails rolls its serial back with it.
 */
export function nextSerial(db: Db, courtCode: string, year: number, type: string): number {
  const row = db.raw<{ last_serial: number }>(
    `INSERT INTO case_serials (court_code, year, type, last_serial) VALUES (?, ?, ?, 1)
     ON CONFLICT (court_code, year, type) DO UPDATE SET last_serial = last_serial + 1
     RETURNING last_serial`,
    courtCode,
    year,
    type,
  )[0]!;
  return row.last_serial;
}

/**
 * A migrated case keeps its old serial; the counter moves past it so the app never hands the same
 * serial out again (never reused wins over gap-free for numbers the old system already issued).
 */
export function reserveSerial(db: Db, courtCode: string, year: number, type: string, serial: number): void {
  db.rawRun(
    `INSERT INTO case_serials (court_code, year, type, last_serial) VALUES (?, ?, ?, ?)
     ON CONFLICT (court_code, year, type) DO UPDATE SET last_serial = max(last_serial, excluded.last_serial)`,
    courtCode,
    year,
    type,
    serial,
  );
}
