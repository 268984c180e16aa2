import { describe, expect, it } from 'vitest';
import { formatChange, formatFigure, formatParts, partValue } from '../../src-shared/domain/metrics/display';
import { lastCompleteMonth } from '../../src-shared/domain/metrics/period';

describe('how the dashboard writes its numbers', () => {
  it('an amount ratio (到位率) shows its sums in 元, not fen', () => {
    expect(formatParts(66665782, 270105587, 'amountRatio')).toBe('666,657.82元 / 2,701,055.87元');
    expect(partValue(66665782, 'amountRatio')).toBe(666657.82);
    // Counts stay counts.
    expect(formatParts(3929, 3979, 'ratio')).toBe('3929 / 3979');
    expect(partValue(3929, 'ratio')).toBe(3929);
    // A plain amount (超期未发放金额) has no denominator.
    expect(formatParts(123456, null, 'amount')).toBe('1,234.56元');
  });

  it('changes of counts are whole numbers; rates and days keep 2 decimals', () => {
    expect(formatChange(1000, 1241, '件')).toBe('-241');
    expect(formatChange(12, 10, '笔')).toBe('+2');
    expect(formatChange(98.74, 97.5, '%')).toBe('+1.24');
    expect(formatChange(61.5, 62, '天')).toBe('-0.50');
    expect(formatChange(null, 1, '件')).toBe('');
  });

  it('figures: 2 decimals for rates and days, 元 with separators, counts as they are', () => {
    expect(formatFigure(98.7, '%')).toBe('98.70%');
    expect(formatFigure(61.68, '天')).toBe('61.68天');
    expect(formatFigure(1234.5, '元')).toBe('1,234.50元');
    expect(formatFigure(3979, '件')).toBe('3979件');
    expect(formatFigure(null, '%')).toBe('—');
  });

  it('上报 defaults to the last complete month', () => {
    expect(lastCompleteMonth('2026-12-05')).toEqual({ year: 2026, month: 11 });
    expect(lastCompleteMonth('2027-01-01')).toEqual({ year: 2026, month: 12 });
  });
});
