import { errorText } from '../errorText';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, type ColDef, type FilterModel, type GridApi, type GridReadyEvent, type IDatasource, type SortModelItem } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { api, ApiCallError } from '../api/client';
import { useLive } from '../live/useLive';
import type { useView } from '../live/view';
import type { MethodInput, MethodOutput } from '../../src-shared/api';
import { GRID_FILTER_OPS, type GridFilter, type GridSort } from '../../src-shared/api/grid';
import { GRID_METHOD, type GridName } from '../../src-shared/api/methods/grids';
import type { JobView } from '../../src-shared/api/methods/jobs';
import { yuan } from '../format';
import { EnumFloatingFilter, type EnumOptions } from './EnumFilter';

ModuleRegistry.registerModules([AllCommunityModule]);

// The shared grid of every list that grows with the court: AG Grid Community's infinite row model
// over a grids.* method (SQL paging, sort and filter on the server), 共 N 件, and 导出Excel of exactly
// what the filters show (grids.export: the file at once, or a job for many rows, then downloaded).

/** AG Grid's Chinese texts, with the empty grid saying 暂无数据 (the locale's 无显示行 reads oddly). */
export const GRID_LOCALE: Record<string, string> = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无数据', loadingOoo: '加载中…' };

type Row<G extends GridName> = MethodOutput<(typeof GRID_METHOD)[G]>['rows'][number];
type Params<G extends GridName> = Omit<MethodInput<(typeof GRID_METHOD)[G]>, 'sort' | 'filters' | 'offset' | 'limit'>;

/**
 * A column: its colId is the server's column key; `kind` picks the filter and the format. An 'enum'
 * column names its `options` (code → Chinese label): its filter box is a select of the labels.
 */
export type DataColumn<T> = ColDef<T> & { colId: string; kind?: 'text' | 'caseNo' | 'number' | 'fen' | 'date' | 'enum' | 'none'; options?: EnumOptions };

const FILTERS = { text: 'agTextColumnFilter', caseNo: 'agTextColumnFilter', number: 'agNumberColumnFilter', fen: 'agNumberColumnFilter', date: 'agDateColumnFilter', enum: 'agTextColumnFilter' } as const;
const OPS = new Set<string>(GRID_FILTER_OPS);

/** AG Grid's filter model as the API's filters (amounts typed in 元 are sent in fen). */
export function toFilters(model: FilterModel, kinds: Record<string, DataColumn<unknown>['kind']>): GridFilter[] {
  const out: GridFilter[] = [];
  for (const [col, m] of Object.entries(model)) {
    const f = m as { filterType?: string; type?: string; filter?: string | number; filterTo?: number; dateFrom?: string | null; dateTo?: string | null };
    if (!f.type || !OPS.has(f.type)) continue;
    const op = f.type as GridFilter['op'];
    if (f.filterType === 'date') {
      out.push({ col, op, ...(f.dateFrom ? { value: f.dateFrom.slice(0, 10) } : {}), ...(f.dateTo ? { valueTo: f.dateTo.slice(0, 10) } : {}) });
    } else if (f.filterType === 'number') {
      const scale = kinds[col] === 'fen' ? 100 : 1;
      const n = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? undefined : Math.round(Number(v) * scale));
      const value = n(f.filter);
      const valueTo = n(f.filterTo);
      out.push({ col, op, ...(value !== undefined ? { value } : {}), ...(valueTo !== undefined ? { valueTo } : {}) });
    } else {
      out.push({ col, op, ...(f.filter !== undefined && f.filter !== null ? { value: String(f.filter) } : {}) });
    }
  }
  return out;
}

export const toSort = (model: SortModelItem[]): GridSort[] => model.slice(0, 3).map((s) => ({ col: s.colId, dir: s.sort }));

/** A column as AG Grid's definition: its filter, its filter box and its format by kind. */
export function columnDefOf<T>(c: DataColumn<T>): ColDef<T> {
  const { kind = 'text', options, ...def } = c;
  const filter = kind === 'none' ? false : FILTERS[kind];
  return {
    ...(kind === 'caseNo' ? { minWidth: 240, cellClass: 'case-no' } : {}),
    ...(kind === 'fen' ? { type: 'rightAligned', valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? yuan(p.value) : '') } : {}),
    ...(kind === 'number' ? { type: 'rightAligned' } : {}),
    // Room for the date box of the filter row.
    ...(kind === 'date' ? { minWidth: 170 } : {}),
    // An enum: the label shown, the select of labels under the header, equality on the code (no menu showing codes).
    ...(kind === 'enum'
      ? {
          valueFormatter: (p: { value: unknown }) => (typeof p.value === 'string' ? (options?.[p.value] ?? '') : ''),
          floatingFilterComponent: EnumFloatingFilter,
          floatingFilterComponentParams: { options: options ?? {} },
          suppressFloatingFilterButton: true,
          suppressHeaderFilterButton: true,
        }
      : {}),
    filter,
    // The filter box under each header: type to filter (the column menu offers the other conditions).
    floatingFilter: Boolean(filter),
    filterParams: filter ? { maxNumConditions: 1, buttons: ['reset'], ...(kind === 'date' ? { inRangeInclusive: true } : {}), ...(kind === 'enum' ? { filterOptions: ['equals'] } : {}) } : undefined,
    ...def,
  } as ColDef<T>;
}

export interface DataGridProps<G extends GridName> {
  grid: G;
  /** The list's own parameters (fixed by the page); a change reloads from the first row. */
  params: Params<G>;
  columns: DataColumn<Row<G>>[];
  rowId: (row: Row<G>) => string;
  /** The page's view (asOf kept for its writes' `seen`). */
  view?: ReturnType<typeof useView>;
  onOpen?: (row: Row<G>) => void;
  selectable?: boolean;
  onSelection?: (rows: Row<G>[]) => void;
  testId: string;
  height?: number | string;
  /** Shown before the count: what the list is. */
  title?: string;
  /** Bumped by the page after its own write: the rows reload in place. */
  refreshTick?: number;
  onError?: (message: string, error: unknown) => void;
}

export function DataGrid<G extends GridName>(props: DataGridProps<G>) {
  const apiRef = useRef<GridApi<Row<G>> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const kinds = useMemo(() => Object.fromEntries(props.columns.map((c) => [c.colId, c.kind])), [props.columns]);
  const paramsKey = JSON.stringify(props.params);

  const request = useCallback(
    (sortModel: SortModelItem[], filterModel: FilterModel) => ({ ...latest.current.params, sort: toSort(sortModel), filters: toFilters(filterModel, kinds) }),
    [kinds],
  );

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        const { grid, view, onError } = latest.current;
        const input = { ...request(p.sortModel, p.filterModel as FilterModel), offset: p.startRow, limit: p.endRow - p.startRow } as never;
        const method = GRID_METHOD[grid];
        (view ? view.read(method, input) : api.call(method, input))
          .then((page) => {
            const answer = page as { rows: Row<G>[]; total: number };
            setTotal(answer.total);
            p.successCallback(answer.rows, answer.total);
            if (answer.total === 0) apiRef.current?.showNoRowsOverlay();
            else apiRef.current?.hideOverlay();
          })
          .catch((e: unknown) => {
            onError?.(errorText(e), e);
            p.failCallback();
          });
      },
    }),
    [request],
  );

  useEffect(() => {
    apiRef.current?.purgeInfiniteCache();
    apiRef.current?.deselectAll();
  }, [paramsKey]);
  const reload = useCallback(() => apiRef.current?.refreshInfiniteCache(), []);
  useEffect(() => {
    if (props.refreshTick) reload();
  }, [props.refreshTick, reload]);
  // Another clerk changed a case this user may see: the rows reload in place.
  useLive(reload);

  const exportXlsx = async () => {
    const a = apiRef.current;
    if (!a) return;
    setExportError(null);
    setExporting('正在导出…');
    try {
      const input = { grid: props.grid, ...request(a.getColumnState().filter((c) => c.sort).sort((x, y) => (x.sortIndex ?? 0) - (y.sortIndex ?? 0)).map((c) => ({ colId: c.colId, sort: c.sort! })), a.getFilterModel()) } as never;
      const out = (await api.call('grids.export', input)) as JobView | { downloaded: string };
      if ('status' in out) {
        // Many rows: written by a job; its progress shows here, then the file is downloaded.
        let job = out;
        while (job.status === 'running' || job.status === 'queued') {
          setExporting(`正在导出 ${job.done}/${job.total} 行…`);
          await new Promise((r) => setTimeout(r, 500));
          job = await api.call('jobs.get', { id: job.id });
        }
        if (job.status !== 'done') throw new Error(job.error?.message ?? job.message ?? '导出未完成');
        await api.call('grids.download', { jobId: job.id });
      }
    } catch (e) {
      setExportError(e instanceof ApiCallError ? e.message : e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(null);
    }
  };

  const columns = useMemo<ColDef<Row<G>>[]>(() => props.columns.map((c) => columnDefOf(c)), [props.columns]);

  const onReady = useCallback((e: GridReadyEvent<Row<G>>) => {
    apiRef.current = e.api;
  }, []);

  return (
    <div className="data-grid" data-testid={props.testId}>
      <div className="toolbar">
        {props.title ? <h3>{props.title}</h3> : null}
        <span className="muted" data-testid={`${props.testId}-total`}>
          {total === null ? '' : `共 ${total} 件`}
        </span>
        <button type="button" onClick={() => void exportXlsx()} disabled={exporting !== null} data-testid={`${props.testId}-export`}>
          导出Excel
        </button>
        {exporting ? <span className="muted">{exporting}</span> : null}
        {exportError ? (
          <span className="error" data-testid={`${props.testId}-export-error`}>
            {exportError}
          </span>
        ) : null}
      </div>
      <div className="grid-wrap" style={{ height: props.height ?? 420 }}>
        <AgGridReact<Row<G>>
          localeText={GRID_LOCALE}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 80 }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={20}
          getRowId={(p) => props.rowId(p.data)}
          rowSelection={props.selectable ? { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } : undefined}
          onSelectionChanged={(e) => props.onSelection?.(e.api.getSelectedRows())}
          onRowDoubleClicked={(e) => e.data && props.onOpen?.(e.data)}
          onGridReady={onReady}
          // Every column in the page (row controls and whole case numbers are found by tests and by the clerk's browser search).
          suppressColumnVirtualisation
          rowHeight={34}
          headerHeight={36}
        />
      </div>
    </div>
  );
}
