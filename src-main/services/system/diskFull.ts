import { ApiError } from '../../../src-shared/api/errors';

// A full disk (or quota) shows as ENOSPC/EDQUOT from the file system and SQLITE_FULL from SQLite,
// with internal paths in the message. The user gets one Chinese sentence and nothing else: the
// operation was refused whole (every write is one transaction; staged files are removed).

export const DISK_FULL_MESSAGE = '磁盘空间不足：操作未完成，数据没有改动。请清理磁盘空间或联系技术人员后重试。';

export function isDiskFull(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && /no space left on device|database or disk is full|disk quota exceeded/i.test(message);
}

export function diskFullError(): ApiError {
  return new ApiError('disk_full', DISK_FULL_MESSAGE);
}
