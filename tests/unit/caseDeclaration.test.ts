import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkCaseDeclaration } from '../../src-main/api/registry';
import type { MethodSpec } from '../../src-shared/api/contract';
import { pathProblem } from '../../src-shared/api/caseScope';

// The registry refuses, at start-up, a method whose case declaration is missing or cannot hold.

const base = { summary: 't', input: z.object({ caseId: z.number().int(), items: z.array(z.object({ assetId: z.number().int() })), note: z.string() }), output: z.object({}) };
const spec = (extra: object) => ({ ...base, ...extra }) as unknown as MethodSpec;

describe('case declarations', () => {
  it('refuses a method open to a tribunal team without one, naming the method', () => {
    expect(() => checkCaseDeclaration('x.open', spec({ access: 'user' }))).toThrow(/x\.open: no case declaration .*tribunal team/);
    expect(() => checkCaseDeclaration('x.team', spec({ access: ['team'] }))).toThrow(/x\.team: no case declaration/);
    // Every method declares, whoever may call it.
    expect(() => checkCaseDeclaration('x.money', spec({ access: ['money'] }))).toThrow(/x\.money: no case declaration/);
  });

  it("refuses 'court' on a method a tribunal team may call, and accepts it for the command centre", () => {
    expect(() => checkCaseDeclaration('x.all', spec({ access: ['team', 'money'], cases: 'court' }))).toThrow(/court-wide/);
    expect(() => checkCaseDeclaration('x.all', spec({ access: ['money'], cases: 'court' }))).not.toThrow();
  });

  it('refuses a path that is not an id of the input, and an unknown kind', () => {
    expect(() => checkCaseDeclaration('x.ids', spec({ access: 'user', cases: { ids: { measureIds: 'measure' } } }))).toThrow(/no field measureIds/);
    expect(() => checkCaseDeclaration('x.ids', spec({ access: 'user', cases: { ids: { items: 'asset' } } }))).toThrow(/not an id/);
    expect(() => checkCaseDeclaration('x.ids', spec({ access: 'user', cases: { ids: { caseId: 'planet' } } }))).toThrow(/unknown kind/);
    expect(() => checkCaseDeclaration('x.ids', spec({ access: 'user', cases: {} }))).toThrow(/needs ids or narrows/);
    expect(() => checkCaseDeclaration('x.ids', spec({ access: 'user', cases: { ids: { caseId: 'case', 'items[].assetId': 'asset' } } }))).not.toThrow();
  });

  it('follows optional fields, defaults and the branches of a union', () => {
    const input = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), caseId: z.number() }), z.object({ kind: z.literal('b'), caseId: z.number(), entryId: z.number().optional() })]);
    expect(pathProblem(input, 'entryId')).toBeNull();
    expect(pathProblem(z.object({ scope: z.object({ teamId: z.string() }).default({ teamId: 'x' }) }), 'scope.teamId')).toBeNull();
    expect(pathProblem(z.object({ ids: z.array(z.number()).optional() }), 'ids[]')).toBeNull();
    expect(pathProblem(z.object({ ids: z.array(z.number()) }), 'ids')).toMatch(/not an id/);
  });
});
