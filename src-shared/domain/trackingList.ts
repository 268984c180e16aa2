// A pasted or scanned list of returned EMS receipts: one line per item, the tracking number and the
// signing date, separated by tabs, commas or spaces (a spreadsheet column copy or a barcode scanner
// followed by a typed date). Dates: 2026-11-25, 2026/11/25, 2026.11.25, 20261125, 2026年11月25日.

export interface TrackingLine {
  line: number;
  trackingNumber: string;
  servedOn: string | null;
  error?: string;
}

function normDate(s: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function parseTrackingList(text: string): TrackingLine[] {
  const out: TrackingLine[] = [];
  text.normalize('NFKC').split(/\r?\n/).forEach((raw, i) => {
    const parts = raw.trim().split(/[\s,;，；]+/).filter(Boolean);
    if (parts.length === 0) return;
    const trackingNumber = parts[0]!.toUpperCase();
    const dateText = parts[1];
    const servedOn = dateText ? normDate(dateText) : null;
    const line: TrackingLine = { line: i + 1, trackingNumber, servedOn };
    if (!dateText) line.error = '缺少签收日期';
    else if (!servedOn) line.error = `日期无效：${dateText}`;
    out.push(line);
  });
  return out;
}
