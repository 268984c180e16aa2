import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import type { TeamSetting } from '../../../src-shared/settings';
import { ApiError } from '../../../src-shared/api/errors';
import { setSettings } from './settings';

// The court's identity (domain.md §1.2): set once at first run, by the administrator's setup or a
// headless start that names the court. The stored courtCode row is the mark that it was set: the
// documented default is never taken for this court's code without someone choosing it.

export function courtConfigured(db: Db): boolean {
  return db.raw<{ n: number }>("SELECT count(*) AS n FROM settings WHERE key = 'courtCode'")[0]!.n > 0;
}

/** Stores the court's name, code and (when given) teams; the caller holds the transaction. */
export function setupCourt(db: Db, actor: Actor, at: Date, court: { name: string; code: string }, teams?: TeamSetting[]): void {
  setSettings(db, actor, at, { courtName: court.name, courtCode: court.code, ...(teams && teams.length > 0 ? { teams } : {}) }, { store: ['courtName', 'courtCode'] });
}

/** Filing assigns a number with the court code (案号规定 Art. 3): refused until the court is set. */
export function assertCourtConfigured(db: Db): void {
  if (!courtConfigured(db)) throw new ApiError('conflict', '本院尚未完成首次设置（法院名称和法院代字），暂不能立案：请系统管理员先完成首次设置');
}
