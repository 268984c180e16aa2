import { describe, expect, it } from 'vitest';
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { createServerCertificate, fingerprintLines, fingerprintOf, normalizeFingerprint } from '../../src-main/net/certificate';

// The court server's certificate created at setup and the fingerprint desktops pin it by.

/** SHA-256 over the DER bytes of the PEM, computed by hand (not through X509Certificate). */
function sha256OfPem(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

describe('server certificate', () => {
  it('is created for intranet IP addresses and host names, with a key that matches it', async () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const c = await createServerCertificate({ hosts: ['10.20.1.5', 'zhixing.kailu.court', '10.20.1.5'], now });
    const x = new X509Certificate(c.cert);
    expect(x.subjectAltName).toBe('IP Address:10.20.1.5, DNS:zhixing.kailu.court');
    expect(x.subject).toBe('CN=10.20.1.5');
    expect(x.checkIP('10.20.1.5')).toBe('10.20.1.5');
    expect(x.checkHost('zhixing.kailu.court')).toBe('zhixing.kailu.court');
    expect(x.ca).toBe(false);
    expect(x.publicKey.asymmetricKeyType).toBe('ec');
    expect(x.checkPrivateKey(createPrivateKey(c.key))).toBe(true);
    expect(createPublicKey(c.key).export({ format: 'pem', type: 'spki' })).toBe(x.publicKey.export({ format: 'pem', type: 'spki' }));
    expect(new Date(x.validFrom).getTime()).toBeLessThanOrEqual(now.getTime());
    // ten years by default
    expect(new Date(x.validTo).getUTCFullYear()).toBe(2036);
    expect(x.verify(x.publicKey)).toBe(true); // self-signed
  });

  it('reports the SHA-256 fingerprint of the DER certificate', async () => {
    const c = await createServerCertificate({ hosts: ['192.168.0.10'] });
    expect(c.fingerprint256).toBe(sha256OfPem(c.cert));
    expect(fingerprintOf(c.cert)).toBe(c.fingerprint256);
    expect(fingerprintOf(new X509Certificate(c.cert).raw)).toBe(c.fingerprint256);
    const other = await createServerCertificate({ hosts: ['192.168.0.10'] });
    expect(other.fingerprint256).not.toBe(c.fingerprint256); // a new key every time
  });

  it('refuses a certificate without an address', async () => {
    await expect(createServerCertificate({ hosts: [' ', ''] })).rejects.toThrow('证书至少要包含一个服务器地址');
  });

  it('reads a fingerprint as typed or pasted and shows it in four lines', () => {
    const fp = 'FA:9B:31:45:E5:B7:F5:AD:A3:3A:71:62:5A:A8:B7:C4:95:FE:6D:0E:81:7C:8D:B3:C5:43:39:85:F0:DE:AF:7F';
    expect(normalizeFingerprint(fp.toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(fp.replace(/:/g, ' '))).toBe(fp);
    expect(normalizeFingerprint(fp.replace(/:/g, ''))).toBe(fp);
    expect(normalizeFingerprint(fp.slice(3))).toBeNull();
    expect(normalizeFingerprint(fp.replace('FA', 'FG'))).toBeNull();
    expect(fingerprintLines(fp)).toEqual(['FA 9B 31 45 E5 B7 F5 AD', 'A3 3A 71 62 5A A8 B7 C4', '95 FE 6D 0E 81 7C 8D B3', 'C5 43 39 85 F0 DE AF 7F']);
  });
});
