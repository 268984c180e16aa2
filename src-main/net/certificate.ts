import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export { fingerprintLines, fingerprintOf, normalizeFingerprint } from './fingerprint';

// The court server's own certificate and the SHA-256 fingerprint by which desktops pin it. A court
// intranet has no public certificate authority, so trust is established once, by a person: the
// administrator reads the fingerprint the server printed at setup, the clerk compares it with the
// one her desktop shows before connecting (trust on first use, confirmed out of band).

export interface ServerCertificate {
  /** PEM of the certificate. */
  cert: string;
  /** PEM of the private key (PKCS#8). Keep it on the server only. */
  key: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by colons (Node's `fingerprint256`). */
  fingerprint256: string;
  validTo: string;
}

export interface CertificateRequest {
  /** Addresses the clients use: intranet IP addresses and/or host names. The first is the common name. */
  hosts: string[];
  now?: Date;
  /** Validity in days. Ten years by default: pinning trusts the fingerprint, and a renewal means every workstation confirms again. */
  validDays?: number;
}

/** Creates a self-signed server certificate (ECDSA P-256, SHA-256) for the given addresses. */
export async function createServerCertificate(req: CertificateRequest): Promise<ServerCertificate> {
  const hosts = [...new Set(req.hosts.map((h) => h.trim()).filter((h) => h !== ''))];
  if (hosts.length === 0) throw new Error('证书至少要包含一个服务器地址');
  const now = req.now ?? new Date();
  const notAfter = new Date(now.getTime() + (req.validDays ?? 3650) * 86_400_000);
  const generated = await generate([{ name: 'commonName', value: hosts[0]! }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 3_600_000), // an hour of slack for workstation clocks
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((h) => (isIP(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })) },
    ],
  });
  const x509 = new X509Certificate(generated.cert);
  return { cert: generated.cert, key: generated.private, fingerprint256: x509.fingerprint256, validTo: x509.validTo };
}
