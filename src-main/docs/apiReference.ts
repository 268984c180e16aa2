import { z } from 'zod';
import { methods } from '../../src-shared/api';
import { DEFAULT_MAX_BODY_BYTES, type MethodSpec } from '../../src-shared/api/contract';
import { ROLES } from '../../src-shared/api/roles';
import { CASE_REF_KINDS } from '../../src-shared/api/caseScope';
import { maskedPaths, maskPlan } from '../../src-shared/api/masked';
import { versionText } from '../../src-shared/api/caseVersions';

const GENERIC_ERRORS = ['invalid_input', 'unauthorized', 'forbidden', 'disk_full', 'internal'];

/**
 * The API reference, generated from the registry so nobody documents a method by hand:
 * every method with its access, input and output (JSON Schema) and the errors it may return.
 */
export function apiReferenceMarkdown(): string {
  const out: string[] = [
    '# API reference',
    '',
    'Generated from the method registry (`src-shared/api`) by `npm run docs`; do not edit by hand.',
    'Every method is served unchanged over Electron IPC and the web mode (`POST /api/<method>` with a JSON body).',
    'Results are `{"ok":true,"data":…,"asOf"?,"skipped"?}`; failures `{"ok":false,"error":{"code","message","field?","details?"}}`',
    '(HTTP 400 invalid_input/needs_confirmation, 401 unauthorized, 403 forbidden, 404 not_found/unknown method, 409 conflict/read_only, 429 throttled, 507 disk_full).',
    'A method that reads cases answers `asOf`: the newest event its data had seen. A method that changes cases takes `seen`',
    '(`{ cases?: { "<caseId>": version }, asOf?, skipChanged? }`) and is refused with 409 when a case changed after the clerk saw it',
    '(`details.changed` names each case, who changed it and when); a batch with `skipChanged` leaves those cases out and lists them in `skipped`',
    '(src-shared/api/caseVersions.ts). Over HTTPS/IPC `seen` is required for every case the call changes.',
    `The web mode checks the session and the role before it reads a body, and refuses a body past the method's limit with 413 (${bytes(DEFAULT_MAX_BODY_BYTES)} unless the method says otherwise below).`,
    '',
    '| method | access | summary |',
    '|---|---|---|',
  ];
  const names = Object.keys(methods).sort();
  const entries = names.map((n) => [n, (methods as Record<string, MethodSpec>)[n]!] as const);
  for (const [name, spec] of entries) out.push(`| [\`${name}\`](#${name.replace('.', '').toLowerCase()}) | ${access(spec)} | ${spec.summary} |`);
  for (const [name, spec] of entries) {
    out.push('', `## ${name}`, '', spec.summary, '', `- Access: ${access(spec)}${spec.writes ? ' · writes data' : ''}`);
    out.push(`- Errors: ${[...GENERIC_ERRORS, ...(spec.errors ?? [])].map((e) => `\`${e}\``).join(', ')}`);
    out.push(`- Cases: ${cases(spec)}`);
    if (spec.versions) out.push(`- Case versions: ${versionText(spec.versions)}`);
    const masked = maskedPaths(maskPlan(spec.output));
    if (masked.length) out.push(`- Masked in the result (full values only through \`cases.reveal\`): ${masked.map((m) => `\`${m.path}\` (${m.kind})`).join(', ')}`);
    if (spec.maxBodyBytes !== undefined) out.push(`- Request body: at most ${bytes(spec.maxBodyBytes)}${spec.fileFields?.length ? ` (uploaded files in ${spec.fileFields.map((f) => `\`${f}\``).join(', ')}, base64)` : ''}`);
    out.push('', '<details><summary>Input</summary>', '', '```json', schema(spec.input, 'input'), '```', '', '</details>');
    out.push('', '<details><summary>Result</summary>', '', '```json', schema(spec.output, 'output'), '```', '', '</details>');
  }
  return `${out.join('\n')}\n`;
}

const bytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`);

function access(spec: MethodSpec): string {
  if (spec.access === 'public') return 'public (no login)';
  if (spec.access === 'user') return 'any logged-in user';
  const roles = spec.access.map((r) => `${ROLES[r]} (\`${r}\`)`).join(', ');
  return spec.access.includes('admin') ? roles : `${roles}, 系统管理员 (\`admin\`)`;
}

/** The method's case declaration (src-shared/api/caseScope.ts) in words. */
function cases(spec: MethodSpec): string {
  const d = spec.cases;
  if (d === 'none') return 'touches no case data';
  if (d === 'court') return 'court-wide (never open to a team-scoped role)';
  const parts: string[] = [];
  const ids = Object.entries(d.ids ?? {});
  if (ids.length) parts.push(`ids checked against the caller's scope before the handler: ${ids.map(([p, k]) => `\`${p}\` → ${k} (${CASE_REF_KINDS[k]})`).join(', ')}`);
  if (d.narrows === 'rows') parts.push("result narrowed to the caller's cases");
  if (d.narrows === 'file') parts.push('every case named in the uploaded file is checked');
  return parts.join('; ');
}

function schema(s: z.ZodType, io: 'input' | 'output'): string {
  try {
    return JSON.stringify(z.toJSONSchema(s, { io, unrepresentable: 'any' }), null, 2);
  } catch (e) {
    return JSON.stringify({ note: `schema not representable: ${e instanceof Error ? e.message : String(e)}` });
  }
}
