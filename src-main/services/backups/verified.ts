import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sameHex, signRecord } from '../../events/chain';
import { readSidecar, type BackupInfo, type Sidecar } from './folder';

// Which backups may be restored: the copy must be exactly what the app wrote (its SHA-256 matches
// the sidecar) and the sidecar must be the app's (its HMAC under the audit key matches). A copy put
// in the folder by anybody else — a planted file with a hand-written or copied sidecar — is listed,
// marked, and never offered. (The backup folder may be any disk; the key is not on it.)

export interface VerifiedBackup extends BackupInfo {
  verified: boolean;
  /** Why it cannot be restored, in Chinese; null when verified. */
  problem: string | null;
}

/** The sidecar's fields the signature covers: everything but the signature itself. */
export function signedPart(side: Sidecar): Omit<Sidecar, 'signature'> {
  const { signature: _omit, ...rest } = side;
  return rest;
}

export function signSidecar(key: Buffer, side: Omit<Sidecar, 'signature'>): string {
  return signRecord(key, 'backup', side);
}

export async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

// Checksums by file identity: a 1.4 GB copy takes seconds to hash, and the list is read often.
const sums = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

async function checksum(file: string): Promise<string> {
  const st = statSync(file);
  const hit = sums.get(file);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.sha256;
  const sha256 = await fileSha256(file);
  sums.set(file, { size: st.size, mtimeMs: st.mtimeMs, sha256 });
  return sha256;
}

/** The signature check alone (instant): null when the sidecar is the app's, else why not. */
export function sidecarProblem(folder: string, name: string, key: Buffer | null): string | null {
  const side = readSidecar(folder, name);
  if (!side) return '没有说明文件，无法确认是本系统写出的备份';
  if (!side.signature || !side.sha256) return '说明文件未签名（旧版本写出的备份，或不是本系统写出的）';
  if (!key) return '本机没有审计密钥，无法核对备份的签名';
  if (!sameHex(signSidecar(key, signedPart(side)), side.signature)) return '说明文件的签名与审计密钥不符（被伪造或改动）';
  if (side.name !== name) return `说明文件属于另一个备份（${side.name}）`;
  return null;
}

/** Signature and checksum; the checksum is compared with the copy as it is on disk now. */
export async function verifyBackup(folder: string, name: string, key: Buffer | null): Promise<string | null> {
  const problem = sidecarProblem(folder, name, key);
  if (problem) return problem;
  const side = readSidecar(folder, name)!;
  try {
    if (!sameHex(await checksum(join(folder, name)), side.sha256!)) return '备份文件的校验值与说明文件不符（文件被改动或损坏）';
  } catch {
    return '无法读取备份文件';
  }
  if (!side.checked) return '该备份写出时未通过自检';
  return null;
}

export async function withVerification(folder: string, list: BackupInfo[], key: Buffer | null): Promise<VerifiedBackup[]> {
  const out: VerifiedBackup[] = [];
  for (const b of list) {
    const problem = await verifyBackup(folder, b.name, key);
    out.push({ name: b.name, kind: b.kind, createdAt: b.createdAt, createdBy: b.createdBy, sizeBytes: b.sizeBytes, schemaVersion: b.schemaVersion, cases: b.cases, checked: b.checked, verified: problem === null, problem });
  }
  return out;
}
