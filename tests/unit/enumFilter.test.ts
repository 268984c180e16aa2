import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { EnumFloatingFilter, enumModel, type EnumFloatingFilterProps } from '../../src-renderer/components/EnumFilter';
import { columnDefOf, toFilters } from '../../src-renderer/components/DataGrid';

// The filter box of an enum column: a select of the Chinese labels whose choice reaches the server
// as equality on the code. Labels written out here, not taken from the app's tables.

// The grid's API client and live feed need a browser; these tests only build columns and filters.
vi.mock('../../src-renderer/api/client', () => ({ api: {}, ApiCallError: class extends Error {} }));
vi.mock('../../src-renderer/live/useLive', () => ({ useLive: () => undefined }));

const STATUS = { done: '已执行', deducted: '已全部扣划' };

function propsOf(model: unknown, onModelChange = vi.fn()): EnumFloatingFilterProps {
  return { model, onModelChange, options: STATUS, column: { getColDef: () => ({ headerName: '状态' }) } } as unknown as EnumFloatingFilterProps;
}

describe('enum column filter', () => {
  it('offers 全部 and the labels, never the codes as text', () => {
    const html = renderToStaticMarkup(EnumFloatingFilter(propsOf(null)));
    expect(html).toContain('aria-label="按状态筛选"');
    expect([...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['', '全部'],
      ['done', '已执行'],
      ['deducted', '已全部扣划'],
    ]);
  });

  it('shows the applied code as chosen and sends the chosen code as 等于 on the code', () => {
    const el = EnumFloatingFilter(propsOf({ filterType: 'text', type: 'equals', filter: 'deducted' })) as ReactElement<{ value: string; onChange: (e: { target: { value: string } }) => void }>;
    expect(el.props.value).toBe('deducted');
    const onModelChange = vi.fn();
    const picked = EnumFloatingFilter(propsOf(null, onModelChange)) as ReactElement<{ onChange: (e: { target: { value: string } }) => void }>;
    picked.props.onChange({ target: { value: 'deducted' } });
    expect(onModelChange).toHaveBeenLastCalledWith({ filterType: 'text', type: 'equals', filter: 'deducted' });
    picked.props.onChange({ target: { value: '' } });
    expect(onModelChange).toHaveBeenLastCalledWith(null);
    // The grid's filter model becomes the API's filter: equality on the code.
    expect(toFilters({ status: enumModel('deducted')! }, { status: 'enum' })).toEqual([{ col: 'status', op: 'equals', value: 'deducted' }]);
  });

  it('an enum column shows its label, filters through the select only, 等于 only', () => {
    const def = columnDefOf({ colId: 'status', field: 'status', headerName: '状态', kind: 'enum', options: STATUS });
    expect(def.floatingFilter).toBe(true);
    expect(def.floatingFilterComponent).toBe(EnumFloatingFilter);
    expect(def.floatingFilterComponentParams).toEqual({ options: STATUS });
    expect(def.suppressHeaderFilterButton).toBe(true);
    expect((def.filterParams as { filterOptions: string[] }).filterOptions).toEqual(['equals']);
    expect((def.valueFormatter as (p: { value: unknown }) => string)({ value: 'deducted' })).toBe('已全部扣划');
    // A column with no filter stays without one.
    expect(columnDefOf({ colId: 'ops', kind: 'none' }).floatingFilter).toBe(false);
  });
});
