import { describe, expect, it } from 'vitest';
import { planChunks } from '../../src-main/services/documents/generate';

// Each chunk of a batch is one worker task and one piece of the print file (with its own font
// subsets), so chunks are few and large, shrinking at the end so the threads finish together.
describe('batch chunks', () => {
  it('cover every case once, in order, large first and small last', () => {
    for (const [cases, threads] of [[1000, 2], [1000, 8], [500, 2], [37, 2], [3, 1], [1, 4], [0, 2]] as const) {
      const sizes = planChunks(cases, threads);
      expect(sizes.reduce((a, x) => a + x, 0)).toBe(cases);
      expect(sizes.every((n) => n > 0 && n <= 125)).toBe(true);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeLessThanOrEqual(sizes[i - 1]!);
    }
    const big = planChunks(1000, 2);
    expect(big[0]).toBe(125);
    expect(big.length).toBeLessThanOrEqual(16);
    expect(big.at(-1)!).toBeLessThanOrEqual(24);
    // Small batches stay in one chunk: one print file written directly.
    expect(planChunks(20, 2)).toEqual([20]);
  });

  it('keeps a fixed size when one is asked for', () => {
    expect(planChunks(20, 2, 8)).toEqual([8, 8, 4]);
  });
});
