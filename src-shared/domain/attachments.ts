// Attachments of a case (扫描件、照片): only the four formats a court scanner or camera produces,
// recognised by their first bytes — never by the name or the type the browser claims.

export const ATTACHMENT_TYPES = {
  pdf: { label: 'PDF 文件', extensions: ['pdf'], mime: 'application/pdf' },
  jpeg: { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  png: { label: 'PNG 图片', extensions: ['png'], mime: 'image/png' },
  tiff: { label: 'TIFF 图片', extensions: ['tif', 'tiff'], mime: 'image/tiff' },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_LIST = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

/**
 * The largest attachment: a 50-page scan at 300 dpi in grey is 5–15 MB as PDF; a phone photo 3–8 MB.
 * Twenty megabytes takes both with room, and keeps one upload's request body (base64) under 28 MB.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The label an upload may carry: the file's name as the clerk sees it, never a path. */
export const ATTACHMENT_NAME_MAX = 100;

export function typeOfExtension(name: string): AttachmentType | null {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const t of ATTACHMENT_TYPE_LIST) if ((ATTACHMENT_TYPES[t].extensions as readonly string[]).includes(ext)) return t;
  return null;
}

/**
 * Why a file name is refused, or null. The name is only a label (the file is stored under a
 * generated name), but a name that is a path is an attack or a mistake either way.
 */
export function fileNameProblem(name: string): string | null {
  if (!name.trim()) return '文件名不能为空';
  if ([...name].length > ATTACHMENT_NAME_MAX) return `文件名不能超过${ATTACHMENT_NAME_MAX}个字`;
  if (/[/\\]/.test(name) || name.includes('..')) return '文件名不能包含路径（/、\\ 或 ..）';
  if (/^[A-Za-z]:/.test(name)) return '文件名不能包含盘符';
  if (name.startsWith('.')) return '文件名不能以“.”开头';
  if (/[<>:"|?*]/.test(name)) return '文件名不能包含 < > : " | ? * 等字符';
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) return '文件名是系统保留名称';
  return null;
}
