/** "10:42" today (court time), "2026-06-03 10:42" on another day — as the server's conflict message says it. */
export function courtTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const fmt = (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', ...o }).format(d);
  const day = (d: Date) => fmt(d, { year: 'numeric', month: '2-digit', day: '2-digit' }).replace(/\//g, '-');
  const time = fmt(at, { hour: '2-digit', minute: '2-digit', hour12: false });
  return day(at) === day(now) ? time : `${day(at)} ${time}`;
}
