import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { navigate } from '../router';
import { stageLabel } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Row = MethodOutput<'cases.list'>['rows'][number];

/**
 * The search box in the header of every page: a case number, a party's name or an ID number (the
 * register's quick search, within the cases this user may see). The first matches drop down as the
 * user types; Enter opens the only match, or the register filtered by the text.
 */
export function HeaderSearch() {
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setRows(null);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      api
        .call('cases.list', { filter: { text: q }, offset: 0, limit: 8 })
        .then((r) => {
          if (mine !== seq.current) return;
          setRows(r.rows);
          setTotal(r.total);
          setError(null);
        })
        .catch((e: unknown) => mine === seq.current && setError(errorText(e)));
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  const go = (path: string) => {
    setOpen(false);
    setText('');
    navigate(path);
  };
  const all = () => go(`/cases?q=${encodeURIComponent(text.trim())}`);

  return (
    <div className="header-search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <input
        type="search"
        value={text}
        placeholder="搜索案号、当事人、证件号码"
        aria-label="搜索案件"
        data-testid="header-search"
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key !== 'Enter' || !text.trim()) return;
          if (rows && rows.length === 1 && total === 1) go(`/cases/${rows[0]!.id}`);
          else all();
        }}
      />
      {open && text.trim() ? (
        <div className="header-search-results" data-testid="header-search-results">
          {error ? <div className="error-banner">{error}</div> : null}
          {rows === null ? <div className="muted">正在查找…</div> : rows.length === 0 ? <div className="muted">没有找到本人可见的案件</div> : null}
          {(rows ?? []).map((r) => (
            <button key={r.id} type="button" className="header-search-row" onClick={() => go(`/cases/${r.id}`)} data-testid={`header-search-case-${r.id}`}>
              <strong>{r.number}</strong>
              <span>
                {r.applicants} 诉 {r.debtors}
              </span>
              <span className="muted">{stageLabel(r.stage)}</span>
            </button>
          ))}
          {rows && total > rows.length ? (
            <button type="button" className="link" onClick={all} data-testid="header-search-all">
              共 {total} 件，在案件登记簿中查看全部
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
