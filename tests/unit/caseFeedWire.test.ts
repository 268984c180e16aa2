import { describe, expect, it } from 'vitest';
import { decodeCaseChanges, encodeCaseChanges, type CaseChange } from '../../src-shared/live/caseFeedWire';

// The `cases` push groups a commit's changes by author and time (src-shared/live/caseFeedWire.ts).

describe('the case feed on the wire', () => {
  it('gives back every change as it was, grouped by who and when', () => {
    const at = '2026-11-23T02:00:00.000Z';
    const changes: CaseChange[] = [
      { id: 5, version: 101, by: '张三', byId: 3, at },
      { id: 9, version: 102, by: '张三', byId: 3, at },
      { id: 7, version: 103, by: '系统', byId: null, at },
      { id: 11, version: 104, by: '张三', byId: 3, at: '2026-11-23T02:00:01.000Z' },
    ];
    const wire = encodeCaseChanges(changes);
    expect(wire.groups).toHaveLength(3);
    expect(wire.groups[0]).toEqual({ by: '张三', byId: 3, at, ids: [5, 9], versions: [101, 102] });
    const back = decodeCaseChanges(JSON.parse(JSON.stringify(wire)));
    expect(back.sort((a, b) => a.id - b.id)).toEqual([...changes].sort((a, b) => a.id - b.id));
  });

  it('is much shorter than one object per case for a batch', () => {
    const at = '2026-11-23T02:00:00.000Z';
    const batch = Array.from({ length: 1000 }, (_, i) => ({ id: 10_000 + i, version: 500_000 + i, by: '文书查控组 王五', byId: 12, at }));
    const grouped = JSON.stringify(encodeCaseChanges(batch)).length;
    const long = JSON.stringify({ changed: batch }).length;
    expect(grouped * 4).toBeLessThan(long);
  });

  it('reads nothing from data of another shape', () => {
    expect(decodeCaseChanges(null)).toEqual([]);
    expect(decodeCaseChanges({ changed: [7] })).toEqual([]);
  });
});
