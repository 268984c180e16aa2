import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServerCertificate } from '../net/certificate';
import { configDir, type ServerConfig } from './config';

// The key and certificate the court server shows. Either the court's own (files the court's IT
// gives, read at every start so a renewal is one file copy and a restart), or one created at the
// first start and kept in the data folder's config (0600), reused on every later start: desktops
// pin its fingerprint, so it must not change unless the administrator renews it on purpose.

export const SELF_CERT_FILE = 'server-cert.pem';
export const SELF_KEY_FILE = 'server-key.pem';

export interface TlsMaterial {
  cert: string;
  key: string;
  fingerprint256: string;
  validTo: string;
  subject: string;
  /** 'court': the court's own files; 'created': made by this server at setup. */
  source: 'court' | 'created';
  /** Where the certificate is read from (shown to the administrator). */
  certFile: string;
  /** True when it was created by this start. */
  createdNow: boolean;
}

/** Loads the configured certificate, or creates one for `hosts` when the data folder has none yet (or `renew`). */
export async function ensureTlsMaterial(dataDir: string, config: ServerConfig, hosts: string[], opts: { renew?: boolean; now?: Date } = {}): Promise<TlsMaterial> {
  if (config.certificate) {
    const { certFile, keyFile } = config.certificate;
    let cert: string;
    let key: string;
    try {
      cert = readFileSync(certFile, 'utf8');
      key = readFileSync(keyFile, 'utf8');
    } catch (e) {
      throw new Error(`无法读取本院证书文件（${certFile} / ${keyFile}）：${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    return describe(cert, key, 'court', certFile, false);
  }
  const dir = configDir(dataDir);
  const certFile = join(dir, SELF_CERT_FILE);
  const keyFile = join(dir, SELF_KEY_FILE);
  if (!opts.renew && existsSync(certFile) && existsSync(keyFile)) {
    // Closed to the service account even if someone copied the folder with looser modes.
    if (process.platform !== 'win32') for (const f of [certFile, keyFile]) chmodSync(f, 0o600);
    return describe(readFileSync(certFile, 'utf8'), readFileSync(keyFile, 'utf8'), 'created', certFile, false);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = await createServerCertificate({ hosts, ...(opts.now ? { now: opts.now } : {}) });
  // The key first, each under a temporary name: a crash between the two renames leaves a key
  // without its certificate, which the next start replaces (nothing was pinned yet).
  writeFileSync(`${keyFile}.tmp`, made.key, { mode: 0o600 });
  writeFileSync(`${certFile}.tmp`, made.cert, { mode: 0o600 });
  renameSync(`${keyFile}.tmp`, keyFile);
  renameSync(`${certFile}.tmp`, certFile);
  return describe(made.cert, made.key, 'created', certFile, true);
}

function describe(cert: string, key: string, source: TlsMaterial['source'], certFile: string, createdNow: boolean): TlsMaterial {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw new Error(`证书文件不是有效的 PEM 证书（${certFile}）：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  let matches: boolean;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch (e) {
    throw new Error(`私钥文件无效：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (!matches) throw new Error(`私钥与证书不匹配（${certFile}）`);
  return { cert, key, fingerprint256: x509.fingerprint256, validTo: x509.validTo, subject: x509.subject, source, certFile, createdNow };
}
