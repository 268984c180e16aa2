import { X509Certificate } from 'node:crypto';

// Reading and writing SHA-256 certificate fingerprints (no certificate creation here, so the
// desktop's main process does not load the certificate library).

/** The SHA-256 fingerprint of a certificate given as PEM text or DER bytes. */
export function fingerprintOf(cert: string | Buffer): string {
  return new X509Certificate(cert).fingerprint256;
}

/**
 * A fingerprint as typed or pasted (any case, with or without colons or spaces) in canonical form,
 * or null when it is not 32 bytes of hex.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** The fingerprint in four lines of eight pairs, the way it is read aloud and compared on screen. */
export function fingerprintLines(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) lines.push(pairs.slice(i, i + 8).join(' '));
  return lines;
}
