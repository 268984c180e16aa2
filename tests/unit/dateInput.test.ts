import { describe, expect, it } from 'vitest';
import { normalizeDateText } from '../../src-renderer/components/DateInput';

// Date fields show and take 年-月-日 whatever the browser's language; what a clerk types in the
// usual Chinese ways becomes YYYY-MM-DD when the field is left.

describe('normalizeDateText', () => {
  it('reads the usual ways of writing a date', () => {
    expect(normalizeDateText('2026/11/20')).toBe('2026-11-20');
    expect(normalizeDateText('2026.1.5')).toBe('2026-01-05');
    expect(normalizeDateText('2026年11月2日')).toBe('2026-11-02');
    expect(normalizeDateText('20261120')).toBe('2026-11-20');
    expect(normalizeDateText('２０２６－１１－２０')).toBe('2026-11-20');
  });

  it('leaves what is not a date for the field check to name', () => {
    expect(normalizeDateText('11/20/2026')).toBe('11/20/2026');
    expect(normalizeDateText('明天')).toBe('明天');
    expect(normalizeDateText('')).toBe('');
  });
});
