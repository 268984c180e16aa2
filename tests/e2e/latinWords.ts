// The rule of the e2e watch (./test.ts), kept free of Playwright so unit tests can check it.

/** Latin words that may appear on screen. */
export const LATIN_ALLOW = new Set([
  'Zhixing', 'Excel', 'Word', 'WPS', 'PDF', 'DOCX', 'XLSX', 'XLS', 'CSV', 'ZIP', 'JSON', 'TXT', 'PNG', 'JPG', 'JPEG', 'OFD',
  'KB', 'MB', 'GB', 'TB', 'ms', 'EMS', 'CA', 'IP', 'HTTPS', 'USB', 'UKey', 'Chrome', 'Edge', 'Chromium', 'Windows', 'UOS', 'Kylin', 'Linux',
  'admin', 'UTC', 'GB/T', 'SHA', 'QR', 'IPv4', 'IPv6',
]);

/** The Latin words of a text that are not allowed: two or more letters without a digit (seeds/003 → seeds). */
export function latinWords(input: string, allow: ReadonlySet<string> = LATIN_ALLOW): string[] {
  const found = new Set<string>();
  // File paths (the data or backup folder the administrator chose) are data, not words.
  const text = input.replace(/(?:\b[A-Za-z]:)?(?:[\\/][^\s，。；：、（）()“”\\/]+){2,}[\\/]?/gu, ' ');
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_.\-/]*/gu)) {
    const word = m[0].replace(/[.\-/_]+$/u, '');
    if (allow.has(word)) continue;
    for (const part of word.split(/[.\-/_]+/u)) {
      if (part.length < 2 || /\d/u.test(part) || allow.has(part)) continue;
      found.add(part);
    }
  }
  return [...found];
}

