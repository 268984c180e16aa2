// Hard limits on uploaded files (query feedback, re-query feedback, city report sets). Every file is
// treated as hostile: a few kilobytes of xlsx can declare a billion rows or inflate to gigabytes,
// so the reader refuses a file the moment it passes one of these, naming the limit, instead of
// finding out by running out of memory. The figures are about ten times the largest real file:
// a 5,000-case query batch (the most one batch may hold) answers in some 40,000 rows of a dozen
// columns, 6 MB as csv, 2 MB as xlsx; the bench file of 10,000 rows is 1.5 MB.

export const UPLOAD_LIMITS = {
  /** The file as uploaded (bytes). */
  fileBytes: 32 * 1024 * 1024,
  /** Rows of a sheet or csv, the header included. */
  rows: 100_000,
  /** Columns of a row (a feedback file has 12). */
  columns: 64,
  /** Cells that hold something, in all (rows × the columns actually used). */
  cells: 1_500_000,
  /** Characters in one cell (the longest real one is a 他案冻结说明 of a few hundred). */
  cellChars: 4_000,
  /** Entries of the xlsx shared-string table. */
  sharedStrings: 1_000_000,
  /** Characters of all shared strings together. */
  sharedStringChars: 32_000_000,
  /** Bytes the xlsx parts read may inflate to, all together (a zip bomb stops here). */
  inflatedBytes: 192 * 1024 * 1024,
  /** Bytes one small xlsx part (workbook, relationships, styles) may inflate to. */
  partBytes: 4 * 1024 * 1024,
  /** Entries in the zip archive. */
  zipEntries: 2_000,
  /** Nesting of a JSON file (city report sets; a report is 5 levels deep). */
  jsonDepth: 32,
  /** Wall time of reading one file, in seconds (the 10,000-row bench file reads in under one). */
  seconds: 30,
  /** Heap of the thread that reads uploads, in MB. */
  heapMb: 384,
} as const;

export type UploadLimit = keyof typeof UPLOAD_LIMITS;

const MB = 1024 * 1024;
const n = (x: number) => x.toLocaleString('en-US');

/** The limit as the clerk reads it in a refusal. */
export function limitText(limit: UploadLimit): string {
  const v = UPLOAD_LIMITS[limit];
  switch (limit) {
    case 'fileBytes':
      return `文件大小上限 ${v / MB} MB`;
    case 'rows':
      return `行数上限 ${n(v)} 行`;
    case 'columns':
      return `列数上限 ${v} 列`;
    case 'cells':
      return `单元格总数上限 ${n(v)} 个`;
    case 'cellChars':
      return `单元格长度上限 ${n(v)} 个字符`;
    case 'sharedStrings':
      return `共享字符串上限 ${n(v)} 条`;
    case 'sharedStringChars':
      return `共享字符串总长度上限 ${n(v)} 个字符`;
    case 'inflatedBytes':
      return `解压后总大小上限 ${v / MB} MB`;
    case 'partBytes':
      return `工作簿部件解压后大小上限 ${v / MB} MB`;
    case 'zipEntries':
      return `压缩包文件数上限 ${n(v)} 个`;
    case 'jsonDepth':
      return `JSON 嵌套层数上限 ${v} 层`;
    case 'seconds':
      return `读取时间上限 ${v} 秒`;
    case 'heapMb':
      return `读取内存上限 ${v} MB`;
  }
}

/** A file refused for passing one limit: the message names the limit and where it was passed. */
export class UploadLimitError extends Error {
  constructor(
    readonly limit: UploadLimit,
    where = '',
  ) {
    super(`文件超过${limitText(limit)}${where ? `（${where}）` : ''}，整份未导入`);
    this.name = 'UploadLimitError';
  }
}

/** A file that is not what it claims to be (damaged archive, malformed sheet): refused, with the reason. */
export class UploadFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadFormatError';
  }
}
