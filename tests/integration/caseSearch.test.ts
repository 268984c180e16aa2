import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { runDemo, DEFAULT_DEMO_OPTIONS } from '../../src-main/demo/run';
import { sampleDraft } from '../helpers/drafts';

let t: TestApp;
afterEach(async () => t?.close());

// The register's quick search goes through indexes (migration 002): it must find exactly what a
// plain scan finds.
describe('quick search of the case register', () => {
  it('finds the same cases as a full scan, for numbers, names and ID numbers', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await runDemo(t.app, { ...DEFAULT_DEMO_OPTIONS, fromYear: 2025, toYear: 2025, casesPerYear: 150 });
    const db = t.app.db;
    const scan = (text: string) => db.raw<{ id: number }>("SELECT id FROM cases WHERE search_text LIKE ? ESCAPE '\\' ORDER BY id DESC", `%${text}%`).map((r) => r.id);
    const names = db.raw<{ name: string }>("SELECT DISTINCT name FROM parties WHERE id % 7 = 0 LIMIT 25").map((r) => r.name);
    const ids = db.raw<{ v: string }>("SELECT id_number AS v FROM parties WHERE id_number IS NOT NULL AND id % 5 = 0 LIMIT 10").map((r) => r.v);
    const terms = [...names.filter((n) => [...n].length >= 3), ...ids, ...ids.map((i) => i.slice(6, 14)), '执1号', '执12', '内0523执保', '（2025）', '开鲁县', '有限公司'];
    expect(terms.length).toBeGreaterThan(15);
    for (const text of terms) {
      const r = await t.call('cases.list', { filter: { text }, limit: 1000 });
      expect(r.rows.map((x) => x.id), text).toEqual(scan(text.toUpperCase()));
      expect(r.total, text).toBe(scan(text.toUpperCase()).length);
    }
    expect((await t.call('cases.list', { filter: { text: ids[0]!.toLowerCase() } })).total).toBeGreaterThan(0);
  });

  it('finds one or two characters anywhere in a party name', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await runDemo(t.app, { ...DEFAULT_DEMO_OPTIONS, fromYear: 2025, toYear: 2025, casesPerYear: 150 });
    const db = t.app.db;
    for (const text of ['王', '李', '开鲁', '商贸', '银行', '建军']) {
      const expected = db.raw<{ id: number }>("SELECT id FROM cases WHERE applicant_names || '、' || debtor_names LIKE ? ORDER BY id DESC", `%${text}%`).map((r) => r.id);
      const r = await t.call('cases.list', { filter: { text }, limit: 1000 });
      expect(r.rows.map((x) => x.id), text).toEqual(expected);
      expect(r.total, text).toBe(expected.length);
    }
  });

  it('keeps the index in step with new filings and treats % and _ literally', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft());
    expect((await t.call('cases.list', { filter: { text: '开鲁县某商贸' } })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await t.call('cases.list', { filter: { text: c.number } })).total).toBe(1);
    expect((await t.call('cases.list', { filter: { text: '张三' } })).total).toBe(1);
    expect((await t.call('cases.list', { filter: { text: '商%贸' } })).total).toBe(0);
    expect((await t.call('cases.list', { filter: { text: '不存在的名字' } })).total).toBe(0);
  });
});
