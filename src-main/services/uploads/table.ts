import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';
import { decodeText, parseCsv } from './csvRows';
import { readXlsxRows } from './xlsxRows';

// Reads the first sheet of an xlsx file or a csv file into rows of trimmed text, within the limits
// of src-shared/domain/uploadLimits.ts. Pure and synchronous in spirit: the server runs it in the
// upload worker (contained.ts), the command-line tools call it directly.

export interface Table {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gb18030' | null;
  /** rows[0] is the header; rows[i] is line i+1 of the file as a clerk counts it. */
  rows: string[][];
}

export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length > UPLOAD_LIMITS.fileBytes) throw new UploadLimitError('fileBytes', `文件有 ${(bytes.length / 1048576).toFixed(1)} MB`);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw new UploadFormatError('文件扩展名为 .xlsx，但内容不是 Excel 工作簿');
    return { format: 'xlsx', encoding: null, rows: await readXlsxRows(bytes) };
  }
  if (/\.xls$/i.test(fileName)) throw new UploadFormatError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 .csv');
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text) };
}
