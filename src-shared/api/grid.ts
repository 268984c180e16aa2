import { z } from 'zod';
import { paging } from './common';

// What a server-paged grid asks for: a page, up to three sort keys and column filters. Columns are
// named by key and each list method accepts only its own keys (the server maps a key to SQL through
// its whitelist, src-main/services/grids/query.ts), so nothing the client sends is ever SQL.

export const GRID_FILTER_OPS = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const;
export type GridFilterOp = (typeof GRID_FILTER_OPS)[number];

const filterValue = z.union([z.string().trim().max(100, '筛选内容不能超过100个字'), z.number().finite()]);

/** The sort and filter part of a grid's request, over the given column keys (any other key is refused). */
export function gridView<const C extends readonly [string, ...string[]]>(columns: C) {
  const col = z.enum(columns, { error: '没有这一列' });
  return {
    sort: z.array(z.object({ col, dir: z.enum(['asc', 'desc']) })).max(3, '最多按三列排序').default([]),
    filters: z
      .array(z.object({ col, op: z.enum(GRID_FILTER_OPS), value: filterValue.optional(), valueTo: filterValue.optional() }))
      .max(20, '最多20个筛选条件')
      .default([]),
  };
}

/** A grid list method's input: its own parameters, the view (sort, filters) and the page. */
export function gridQuery<const C extends readonly [string, ...string[]]>(columns: C) {
  return { ...gridView(columns), ...paging };
}

export interface GridSort {
  col: string;
  dir: 'asc' | 'desc';
}
export interface GridFilter {
  col: string;
  op: GridFilterOp;
  value?: string | number | undefined;
  valueTo?: string | number | undefined;
}
export interface GridRequest {
  sort: GridSort[];
  filters: GridFilter[];
  offset: number;
  limit: number;
}

/** Rows beyond which an export runs as a job (progress, cancel) instead of answering at once. */
export const GRID_EXPORT_DIRECT_MAX = 5000;
/** The most rows one export writes (Excel's own limit is 1,048,576). */
export const GRID_EXPORT_MAX = 500_000;
