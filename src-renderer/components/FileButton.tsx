import { ApiCallError } from '../api/client';
import { UPLOAD_LIMITS, limitText } from '../../src-shared/domain/uploadLimits';
/**
 * Reads a chosen file as base64 for an upload method. A file past the upload size limit is refused
 * here, before it is read or sent (the server refuses it as well: src-shared/domain/uploadLimits.ts).
 */
export async function fileBase64(f: File): Promise<string> {
  if (f.size > UPLOAD_LIMITS.fileBytes) throw new ApiCallError({ code: 'invalid_input', message: `文件“${f.name}”超过${limitText('fileBytes')}，未上传`, field: 'contentBase64' });
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** A button that picks one file (the same file can be picked again, e.g. after fixing it). */
export function FileButton(props: { label: string; accept: string; onFile: (f: File) => void; testId?: string }) {
  return (
    <label className="button">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        hidden
        data-testid={props.testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
    </label>
  );
}
