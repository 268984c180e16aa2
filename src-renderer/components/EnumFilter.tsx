import type { CustomFloatingFilterProps } from 'ag-grid-react';

// The filter box of an enum column (状态, 阶段, 扫描, 评查…): a select of the Chinese labels, sending
// the chosen code as an equality filter (the server accepts equality on the column's codes). Its
// parent is AG Grid's text filter narrowed to 等于, so the filter model is the one toFilters reads.

export type EnumOptions = Record<string, string>;

export interface EnumFloatingFilterProps extends CustomFloatingFilterProps {
  options: EnumOptions;
}

type TextModel = { filterType: 'text'; type: 'equals'; filter: string };

/** The text filter's model for a chosen code, or none for 全部. */
export const enumModel = (code: string): TextModel | null => (code ? { filterType: 'text', type: 'equals', filter: code } : null);

export function EnumFloatingFilter(props: EnumFloatingFilterProps) {
  const model = props.model as Partial<TextModel> | null;
  const value = model?.type === 'equals' && typeof model.filter === 'string' ? model.filter : '';
  const header = props.column.getColDef().headerName ?? '';
  return (
    <select className="enum-filter" aria-label={`按${header}筛选`} value={value} onChange={(e) => props.onModelChange(enumModel(e.target.value))}>
      <option value="">全部</option>
      {Object.entries(props.options).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}
