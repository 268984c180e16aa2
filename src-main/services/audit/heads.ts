import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import type { SignedHead } from '../../events/chain';
import type { RawHead } from './verifyCore';
import { sidecarProblem } from '../backups/verified';

// Where the log's head is published, so that audit.verify can hold the log against it:
//   audit-anchor.json            the last row of the last clean verification (data folder)
//   <backup>.sqlite.json         each backup's sidecar (the backup folder, often another disk)
//   exports/*/…_manifest.json    each monthly report set (its copy at the city court is out of reach)
//   audit/slips/*.json           each 审计封存单 (its printed, signed copy is out of reach)
// Every head is signed with the audit key: a file editor can delete one, not forge one; what is left
// anywhere still pins the log.

export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';
export const SLIPS_DIR = join('audit', 'slips');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Every published head that can be found from this data folder (and its backup folders). A backup
 * sidecar whose signature fails is itself reported: somebody put or changed a backup there.
 */
export function collectHeads(dataDir: string, backupFolders: string[], key: Buffer | null): RawHead[] {
  const heads: RawHead[] = [];
  const anchor = join(dataDir, AUDIT_ANCHOR_FILE);
  if (existsSync(anchor)) {
    const v = readJson(anchor);
    // An empty anchor ({}) is what an older version wrote for an empty log.
    if (!(v && typeof v === 'object' && Object.keys(v).length === 0)) heads.push({ source: v && typeof v === 'object' && !('mac' in v) ? '旧版锚点文件 audit-anchor.json' : '锚点文件 audit-anchor.json', head: v });
  }
  for (const folder of new Set(backupFolders)) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.sqlite.json')) continue;
      const side = readJson(join(folder, name)) as { auditHead?: unknown; signature?: unknown } | undefined;
      const backup = name.slice(0, -'.json'.length);
      const source = `备份 ${backup} 的说明文件`;
      const wrong = side && typeof side === 'object' && side.signature !== undefined && key ? sidecarProblem(folder, backup, key) : null;
      if (wrong) {
        heads.push({ source, head: null, problem: `：${wrong}。备份文件夹中有被放入或改动的备份（它不会被用于恢复）` });
      } else if (side && typeof side === 'object' && side.auditHead !== undefined) heads.push({ source, head: side.auditHead });
    }
  }
  const exports = join(dataDir, 'exports');
  if (existsSync(exports)) {
    for (const folder of readdirSync(exports)) {
      if (folder.startsWith('.')) continue;
      const dir = join(exports, folder);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // a file, not a folder
      }
      for (const name of names.filter((n) => n.endsWith('_manifest.json'))) {
        const m = readJson(join(dir, name)) as { auditHead?: unknown } | undefined;
        if (m && typeof m === 'object' && m.auditHead !== undefined) heads.push({ source: `上报文件 ${folder}/${name}`, head: m.auditHead });
      }
    }
  }
  const slips = join(dataDir, SLIPS_DIR);
  if (existsSync(slips)) {
    for (const name of readdirSync(slips).filter((n) => n.endsWith('.json')).sort()) {
      heads.push({ source: `审计封存单 ${name.slice(0, -'.json'.length)}`, head: readJson(join(slips, name)) });
    }
  }
  return heads;
}

/** After a clean verification only: the anchor moves to the row that was verified, never past it. */
export function writeAnchor(dataDir: string, head: SignedHead): void {
  const file = join(dataDir, AUDIT_ANCHOR_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(head, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

/** The row count the verifier will walk (for the start-up choice between in-thread and a job). */
export function eventCount(db: Db): number {
  return (db.sqlite.prepare('SELECT max(id) AS n FROM case_events').get() as { n: number | null }).n ?? 0;
}
