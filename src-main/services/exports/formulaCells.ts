import type ExcelJS from 'exceljs';

// Spreadsheet formula injection (OWASP "CSV Injection"): a cell whose text begins with = + - @, a tab
// or a carriage return is read by Excel, WPS and LibreOffice as a formula — a debtor named
// `=HYPERLINK("http://…","点此")` becomes a live link in the query clerk's request file, and
// `=cmd|' /C calc'!A0` ran programs in older versions. Every text cell of every exported csv and xlsx
// goes through neutraliseCell: a leading apostrophe makes it plain text in all three programs. Our
// own files coming back (a feedback file built from our request file) lose the apostrophe again.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text as it was before neutraliseCell (for a cell of an imported file). */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Neutralises every text cell of a workbook just before it is written (numbers and dates stay typed). */
export function neutraliseWorkbook(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (typeof cell.value === 'string' && FORMULA_START.test(cell.value)) cell.value = neutraliseCell(cell.value);
      }),
    ),
  );
}
