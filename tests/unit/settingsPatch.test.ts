import { describe, expect, it } from 'vitest';
import { settingsPatch } from '../../src-shared/settings';

// A change to some settings carries only the keys given: saving the document settings must not put
// the teams, the court account or anything else back to their defaults (Zod 4 fills defaults inside
// optional fields, so a plain .partial() of the schema did exactly that).
describe('a settings patch', () => {
  it('holds only the keys given, still validated', () => {
    expect(settingsPatch.parse({ courtPresident: '赵国庆' })).toEqual({ courtPresident: '赵国庆' });
    expect(Object.keys(settingsPatch.parse({ teams: [{ id: 'a', name: '甲法庭' }] }))).toEqual(['teams']);
    // Defaults inside a value that is given still apply (a team's kind, areas, active, signers).
    expect(settingsPatch.parse({ teams: [{ id: 'a', name: '甲法庭' }] }).teams![0]).toMatchObject({ kind: 'tribunal', areas: [], active: true, judgeId: null, clerkId: null });
    expect(settingsPatch.safeParse({ consumptionOrderTiming: 'sometimes' }).success).toBe(false);
  });
});
