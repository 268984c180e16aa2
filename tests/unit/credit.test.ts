import { describe, expect, it } from 'vitest';
import { ageOn, minorityBar, termEndsOn } from '../../src-shared/domain/credit';
import { makeId } from '../helpers/drafts';

// 失信规定 (法释〔2017〕7号) Art. 4: minors are never listed; Art. 2: the term of grounds (2)–(6).
describe('minority from the ID number (Art. 4)', () => {
  it('bars a person through the 18th birthday and allows them from the next day (过了周岁生日，从第二天起)', () => {
    const id = makeId('20081002', 101);
    expect(minorityBar(id, '2026-10-02')).toMatchObject({ error: expect.stringContaining('未满十八周岁') });
    expect(minorityBar(id, '2026-10-03')).toEqual({ birthDate: '2008-10-02' });
  });
  it('a 29 February birthday falls on 28 February in a common year (民法典 Art. 201): of age from 1 March', () => {
    const id = makeId('20080229', 102);
    expect(minorityBar(id, '2026-02-28')).toMatchObject({ error: expect.stringContaining('未满十八周岁') });
    expect(minorityBar(id, '2026-03-01')).toEqual({ birthDate: '2008-02-29' });
  });
  it('refuses without a valid ID number: minority cannot be checked', () => {
    expect(minorityBar(null, '2026-01-01')).toMatchObject({ error: expect.stringContaining('未登记身份证号码') });
    expect(minorityBar('150523198001011234', '2026-01-01')).toMatchObject({ error: expect.stringContaining('身份证号码无效') });
  });
  it('age in whole years', () => {
    expect(ageOn('1980-11-11', '2026-11-10')).toBe(45);
    expect(ageOn('1980-11-11', '2026-11-11')).toBe(46);
  });
});

describe('the term (Art. 2)', () => {
  it('none for ground (1); two years, extended by 1–3, for the others: the last day on the list', () => {
    expect(termEndsOn(1, '2026-01-15', 0)).toBeNull();
    expect(termEndsOn(4, '2026-01-15', 0)).toBe('2028-01-14');
    expect(termEndsOn(2, '2026-01-15', 3)).toBe('2031-01-14');
  });
});
