import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { CASE_REF_KINDS } from '../../src-shared/api/caseScope';
import type { CallContext } from '../../src-main/api/context';
import { buildTwoTeamCourt, type Court } from '../helpers/twoTeams';
import { PROBES, textOf, yIdOf, type Input } from '../helpers/scopeProbes';

// Generated from the registry: EVERY method of the contract is called by an officer of tribunal
// team 开鲁 (X) with real ids of every kind that belong to cases of team 东风 (Y) — cases, assets,
// measures, documents, print files, query/control/re-query batches, ledger entries, jobs,
// assignment runs, the court-wide export. Each call must be refused (403) or answer without any of
// Y's (or unassigned) cases, and must leave Y's data exactly as it was.
//
// The expectations do not come from the registry's own rules: what a team officer may call is
// found by calling; the inputs below are written by hand per method (a method a team officer can
// call that has no entry here fails the test), and a second pass places a Y id of each declared
// kind at each declared path. A method without a declaration stops the app from starting.

/** Every row of every table that belongs to Y's cases (derived caches excepted): a call must not change it. */
function yState(c: Court): string {
  const db = c.t.app.db;
  const list = c.y.caseIds.join(',');
  const tables = db
    .raw<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map((r) => r.name)
    .filter((n) => !/^(deadline|metric_)/.test(n))
    .filter((n) => db.raw<{ name: string }>(`PRAGMA table_info(${n})`).some((col) => col.name === 'case_id'));
  const parts = tables.map((n) => `${n}:${db.raw(`SELECT * FROM ${n} WHERE case_id IN (${list})`).map((r) => JSON.stringify(r)).sort().join('|')}`);
  parts.push(`cases:${JSON.stringify(db.raw(`SELECT * FROM cases WHERE id IN (${list})`))}`);
  parts.push(`jobs:${JSON.stringify(db.raw('SELECT id, status FROM jobs WHERE id IN (?, ?, ?, ?)', c.y.controlJobId, c.mixed.controlJobId, c.mixed.documentJobId, c.court.exportJobId))}`);
  return parts.join('\n');
}

let c: Court;
const markers = () => [...c.y.names, ...c.unassigned.names];
const tokens = new Map<string, string>();
async function ctxOf(username: string): Promise<CallContext> {
  const app = c.t.app;
  let token = tokens.get(username);
  if (!token || !app.sessions.resolve(app.db, token)) {
    const r = await app.registry.call('auth.login', { username, password: username === 'admin' ? 'admin-pass-1' : 'password-1' }, app.internalContext());
    if (!r.ok) throw new Error(`login ${username}: ${r.error.message}`);
    token = (r.data as { token: string }).token;
    tokens.set(username, token);
  }
  return { app, user: app.sessions.resolve(app.db, token), token, workstation: 'scope-test', transport: 'internal' };
}
const callAs = async (username: string, name: string, input: unknown) => c.t.app.registry.call(name, input, await ctxOf(username));

beforeAll(async () => {
  c = await buildTwoTeamCourt();
}, 180_000);
afterAll(async () => c?.t.close());

describe('generated from the registry: an officer of 开鲁 against the cases of 东风, method by method', () => {
  for (const name of METHOD_NAMES) {
    it(name, async () => {
      const probe = PROBES[name];
      const before = yState(c);
      const label = (i: unknown) => `${name} ${JSON.stringify(i).slice(0, 160)}`;
      if (!probe) {
        // Not a method a team officer works with: the call must be refused outright.
        const r = await callAs(c.x.officer, name, {});
        expect(r.ok ? 'ok' : r.error.code, `${name} answered a team officer: add its probe to PROBES (inputs aimed at another team's data)`).toBe('forbidden');
        expect(yState(c)).toBe(before);
        return;
      }
      for (const input of (await probe.refused?.(c)) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, label(input)).toMatch(/^forbidden /);
        expect(yState(c), `${label(input)} changed 东风's data`).toBe(before);
      }
      for (const input of probe.narrowed?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        if (!r.ok) throw new Error(`${label(input)}: ${r.error.code} ${r.error.message}`);
        const text = await textOf(r.data);
        for (const m of markers()) expect(text, `${label(input)} shows ${m}`).not.toContain(m);
        expect(yState(c)).toBe(before);
        // The administrator's answer to the same question does hold the others' cases: the narrowing is real.
        const a = await callAs('admin', name, input);
        if (!a.ok) throw new Error(`admin ${label(input)}: ${a.error.message}`);
        if (probe.check) {
          await probe.check(r.data, c, false);
          await probe.check(a.data, c, true);
        } else {
          const adminText = await textOf(a.data);
          expect(markers().some((m) => adminText.includes(m)), `admin ${label(input)} shows no other team's case: the probe proves nothing`).toBe(true);
        }
      }
      for (const input of probe.plain?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        const text = r.ok ? await textOf(r.data) : JSON.stringify(r.error);
        for (const m of markers()) expect(text, `${label(input)} shows ${m}`).not.toContain(m);
      }
      for (const input of probe.own?.(c) ?? []) {
        const r = await callAs(c.x.officer, name, input);
        expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, `own data: ${label(input)}`).not.toMatch(/^forbidden/);
      }
      expect(yState(c)).toBe(before);
    });
  }

  it('every declared id path refuses an id of its kind belonging to 东风 (placed into the probe input)', async () => {
    let checked = 0;
    for (const name of METHOD_NAMES) {
      const spec = (methods as Record<string, MethodSpec>)[name]!;
      if (typeof spec.cases !== 'object' || !spec.cases.ids) continue;
      const probe = PROBES[name];
      const templates = [...((await probe?.refused?.(c)) ?? []), ...(probe?.narrowed?.(c) ?? []), ...(probe?.own?.(c) ?? []), {}];
      const declared = Object.entries(spec.cases.ids);
      for (const [path, kind] of declared) {
        expect(kind in CASE_REF_KINDS).toBe(true);
        // Each template with the Y id placed at the path, then the same without the other declared
        // fields (a method may take one of two ids): the first input the schema accepts must be refused.
        const others = declared.map(([p]) => p.split('.')[0]!.replace('[]', '')).filter((k) => k !== path.split('.')[0]!.replace('[]', ''));
        const inputs = [...templates, ...templates.map((tp) => Object.fromEntries(Object.entries(tp).filter(([k]) => !others.includes(k))))].map((tp) => {
          const input = structuredClone(tp);
          setPath(input, path, yIdOf(c, kind));
          return input;
        });
        let code = 'no input accepted';
        for (const input of inputs) {
          const before = yState(c);
          const r = await callAs(c.x.officer, name, input);
          expect(yState(c), `${name} ${JSON.stringify(input)}`).toBe(before);
          code = r.ok ? 'ok' : r.error.code;
          if (code !== 'invalid_input') break;
        }
        expect(code, `${name}: ${path} = 东风's ${kind}`).toBe('forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

/** Sets a declared path in an input (`items[].assetId` sets the first item's, making one if needed). */
function setPath(input: Input, path: string, value: unknown): void {
  const segs = path.split('.');
  let at: Record<string, unknown> = input;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const each = seg.endsWith('[]');
    const key = each ? seg.slice(0, -2) : seg;
    if (each) {
      const list = Array.isArray(at[key]) ? (at[key] as unknown[]) : (at[key] = []);
      if (last) list[0] = value;
      else at = (list[0] ??= {}) as Record<string, unknown>;
    } else if (last) at[key] = value;
    else at = (at[key] ??= {}) as Record<string, unknown>;
  });
}
