import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type RowDoubleClickedEvent,
  type SortModelItem,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

// The grid's Chinese texts, with the empty grid saying 暂无数据 (the locale's 无显示行 reads oddly).
const LOCALE = { ...AG_GRID_LOCALE_CN, noRowsToShow: '暂无数据' };

ModuleRegistry.registerModules([AllCommunityModule]);

export interface PageRequest {
  offset: number;
  limit: number;
  sort: SortModelItem[];
}

export interface ServerGridProps<T> {
  columns: ColDef<T>[];
  /** Fetches one page from the back office (SQL paging); called again when `deps` change. */
  fetchPage: (req: PageRequest) => Promise<{ rows: T[]; total: number }>;
  deps?: unknown[];
  rowId: (row: T) => string;
  onOpen?: (row: T) => void;
  selectable?: boolean;
  onSelection?: (rows: T[]) => void;
  onTotal?: (total: number) => void;
  testId?: string;
  height?: number | string;
  pageSize?: number;
  /** Bumped by the page when what it lists changed (live updates): the grid reloads its rows in place, keeping the scroll position. */
  refreshTick?: number;
}

/**
 * AG Grid over a paged API method (the infinite row model): the grid asks for rows as the clerk
 * scrolls, so a register of 200,000 cases opens as fast as one of 20. Sorting is done in SQL.
 */
export function ServerGrid<T>(props: ServerGridProps<T>) {
  const apiRef = useRef<GridApi<T> | null>(null);
  const fetchRef = useRef(props.fetchPage);
  fetchRef.current = props.fetchPage;
  const pageSize = props.pageSize ?? 100;

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        fetchRef
          .current({ offset: p.startRow, limit: p.endRow - p.startRow, sort: p.sortModel })
          .then((page) => {
            props.onTotal?.(page.total);
            p.successCallback(page.rows, page.total);
          })
          .catch(() => p.failCallback());
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the data source is made once; it reads the current fetch through a ref
    [],
  );

  useEffect(() => {
    apiRef.current?.purgeInfiniteCache();
    apiRef.current?.deselectAll();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cache is dropped when the caller's own dependencies change, as it lists them
  }, props.deps ?? []);

  useEffect(() => {
    if (props.refreshTick) apiRef.current?.refreshInfiniteCache();
  }, [props.refreshTick]);

  const onReady = useCallback((e: GridReadyEvent<T>) => {
    apiRef.current = e.api;
  }, []);

  return (
    <div className="grid-wrap" data-testid={props.testId} style={{ height: props.height ?? '100%' }}>
      <AgGridReact<T>
        localeText={LOCALE}
        columnDefs={props.columns}
        defaultColDef={{ sortable: true, resizable: true, minWidth: 80 }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={pageSize}
        maxBlocksInCache={20}
        getRowId={(p) => props.rowId(p.data)}
        rowSelection={props.selectable ? { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } : undefined}
        onSelectionChanged={(e) => props.onSelection?.(e.api.getSelectedRows())}
        onRowDoubleClicked={(e: RowDoubleClickedEvent<T>) => e.data && props.onOpen?.(e.data)}
        onCellKeyDown={(e) => {
          const ke = e.event as KeyboardEvent | undefined;
          if (ke?.key === 'Enter' && e.data) props.onOpen?.(e.data);
        }}
        onGridReady={onReady}
        rowHeight={34}
        headerHeight={36}
        suppressCellFocus={false}
      />
    </div>
  );
}

export interface LocalGridProps<T> {
  columns: ColDef<T>[];
  rows: T[];
  rowId: (row: T) => string;
  selectable?: boolean;
  onSelection?: (rows: T[]) => void;
  onOpen?: (row: T) => void;
  testId?: string;
  height?: number | string;
}

/** A grid over rows already loaded (queues of a few thousand rows): client-side sort and filter. */
export function LocalGrid<T>(props: LocalGridProps<T>) {
  return (
    <div className="grid-wrap" data-testid={props.testId} style={{ height: props.height ?? '100%' }}>
      <AgGridReact<T>
        localeText={LOCALE}
        columnDefs={props.columns}
        rowData={props.rows}
        defaultColDef={{ sortable: true, resizable: true, filter: true, minWidth: 80 }}
        getRowId={(p) => props.rowId(p.data)}
        rowSelection={props.selectable ? { mode: 'multiRow', checkboxes: true, headerCheckbox: true, selectAll: 'filtered', enableClickSelection: false } : undefined}
        onSelectionChanged={(e) => props.onSelection?.(e.api.getSelectedRows())}
        onRowDoubleClicked={(e) => e.data && props.onOpen?.(e.data)}
        rowHeight={34}
        headerHeight={36}
      />
    </div>
  );
}
