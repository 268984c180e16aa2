import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { ERROR_CODES } from '../../src-shared/api/errors';

// Every API method — of every domain, including ones added later — is called with generated
// malformed input: wrong types, huge strings, negative and fractional fen, invalid dates,
// SQL and HTML metacharacters, placed both instead of the whole input and in each field the schema
// names. Each call must answer a typed error that is not 'internal' (or, rarely, succeed when the
// odd value is in fact valid text) with a Chinese message — every zod issue kind a schema can produce
// is translated; a refused call writes nothing; the process keeps serving.

/** The shapes of zod's default messages ("Too big: expected number to be <=1000", "Invalid input: expected string, received number"). */
const ZOD_ENGLISH = /Invalid|[Ee]xpected|Too (big|small)|[Rr]eceived|must be|Unrecognized|Required/;

const specs = Object.entries(methods as Record<string, MethodSpec>).sort(([a], [b]) => a.localeCompare(b));
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);

const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    -1,
    -0.01,
    0.5,
    12.345,
    -1e21,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    '2026-02-30',
    '2026-13-01',
    '26-1-1',
    '0000-00-00',
    '2026-11-22T25:61:00Z',
    "'; DROP TABLE cases; --",
    "1 OR 1=1",
    '" OR ""="',
    '%_\\',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '\u0000\u202e\ud800',
    '１２３',
    [],
    [null],
    {},
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.string({ maxLength: 40 }),
  fc.integer().map((n) => -Math.abs(n) - 1),
  fc.double({ noInteger: true }),
  fc.constant('执'.repeat(70_000)),
  fc.array(fc.constant(-1), { minLength: 20_001, maxLength: 20_001 }),
);

/** Field names of an object schema, down to nested objects (from the JSON Schema zod emits). */
function fieldPaths(schema: z.ZodType): string[][] {
  let json: unknown;
  try {
    json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return [];
  }
  const out: string[][] = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    if (!node || typeof node !== 'object' || depth > 3) return;
    const n = node as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      out.push([...path, k]);
      walk(v, [...path, k], depth + 1);
    }
    if (n.items) walk(n.items, [...path, '0'], depth + 1);
    for (const alt of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) walk(alt, path, depth + 1);
  };
  walk(json, [], 0);
  return out;
}

function setPath(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const obj: Record<string, unknown> = Array.isArray(base) ? ([...base] as never) : { ...((base && typeof base === 'object' ? base : {}) as object) };
  obj[head] = setPath(obj[head], rest, value);
  return obj;
}

// A plausible input to mutate, so a bad value reaches past the first missing field.
const SEEDS: Record<string, unknown> = { 'cases.file': sampleDraft(), 'cases.validate': sampleDraft() };

let t: TestApp;
let token = '';
beforeAll(async () => {
  t = openTestApp();
  t.app.clock.set('2026-11-22T02:00:00Z');
  await t.call('cases.file', sampleDraft());
});
afterAll(async () => t?.close());

async function ctx() {
  if (!token || !t.app.sessions.resolve(t.app.db, token)) {
    const r = await t.app.registry.call('auth.login', { username: 'admin', password: 'admin-pass-1' }, t.app.internalContext());
    if (!r.ok) throw new Error(r.error.message);
    token = (r.data as { token: string }).token;
  }
  return { app: t.app, user: t.app.sessions.resolve(t.app.db, token), token, workstation: 'fuzz', transport: 'internal' as const };
}

// The sessions' last activity is written every 30 s (services/auth/sessions.ts): written first, so
// only what the call itself wrote is counted.
const changes = () => {
  t.app.sessions.flush();
  return (t.app.db.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
};

describe('bad input to every method', () => {
  for (const [name, spec] of specs) {
    it(name, async () => {
      const paths = fieldPaths(spec.input);
      const input = fc.oneof(
        nasty,
        ...(paths.length ? [fc.tuple(fc.constantFrom(...paths), nasty).map(([p, v]) => setPath(SEEDS[name] ?? {}, p, v))] : []),
        ...(paths.length > 1
          ? [fc.tuple(fc.subarray(paths, { minLength: 2 }), fc.array(nasty, { minLength: 8, maxLength: 8 })).map(([ps, vs]) => ps.reduce<unknown>((acc, p, i) => setPath(acc, p, vs[i % vs.length]), SEEDS[name] ?? {}))]
          : []),
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const context = await ctx();
          const before = changes();
          const r = await t.app.registry.call(name, value, context);
          if (r.ok) return; // the odd value was valid (e.g. '<script>' as a search text)
          expect(ERROR_CODES, JSON.stringify(r.error)).toContain(r.error.code);
          expect(r.error.code, `${name} answered internal for ${JSON.stringify(value)?.slice(0, 300)}`).not.toBe('internal');
          expect(typeof r.error.message).toBe('string');
          // In Chinese, saying what was expected — never zod's English default (src-shared/api/issueMessages.ts).
          expect(r.error.message, `${name}: ${r.error.message}`).toMatch(/[\u3400-\u9fff]/);
          expect(r.error.message, `${name}: ${r.error.message}`).not.toMatch(ZOD_ENGLISH);
          for (const issue of (r.error.details as { issues?: { message: string }[] } | undefined)?.issues ?? []) expect(issue.message).not.toMatch(ZOD_ENGLISH);
          expect(changes(), `${name} wrote although it refused the input`).toBe(before);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('still serves, and the database is sound, after all of that', async () => {
    const info = await t.app.registry.call('system.info', {}, t.app.internalContext());
    expect(info.ok).toBe(true);
    expect((await t.app.registry.call('cases.list', {}, await ctx())).ok).toBe(true);
    expect(t.app.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n).toBeGreaterThanOrEqual(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
