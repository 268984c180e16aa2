import { formatYuan } from '../src-shared/domain/money';
import { diffCalendarDays } from '../src-shared/domain/chineseDate';
import { STAGE_LABELS, type CaseStage } from '../src-shared/domain/stages';

export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatYuan(fen));
export const stageLabel = (s: string): string => STAGE_LABELS[s as CaseStage] ?? s;
export const daysSince = (date: string, today: string): number => diffCalendarDays(today, date);
export const dateTime = (iso: string): string => {
  const d = new Date(iso);
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
};
