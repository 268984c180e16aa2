import { z } from 'zod';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';
import { ROLES } from '../../src-shared/api/roles';

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
    'Results are `{"ok":true,"data":…}`; failures `{"ok":false,"error":{"code","message","field?","details?"}}`',
    '(HTTP 400 invalid_input/needs_confirmation, 401 unauthorized, 403 forbidden, 404 not_found/unknown method, 409 conflict/read_only, 507 disk_full).',
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
    out.push('', '<details><summary>Input</summary>', '', '```json', schema(spec.input, 'input'), '```', '', '</details>');
    out.push('', '<details><summary>Result</summary>', '', '```json', schema(spec.output, 'output'), '```', '', '</details>');
  }
  return `${out.join('\n')}\n`;
}

function access(spec: MethodSpec): string {
  if (spec.access === 'public') return 'public (no login)';
  if (spec.access === 'user') return 'any logged-in user';
  const roles = spec.access.map((r) => `${ROLES[r]} (\`${r}\`)`).join(', ');
  return spec.access.includes('admin') ? roles : `${roles}, 系统管理员 (\`admin\`)`;
}

function schema(s: z.ZodType, io: 'input' | 'output'): string {
  try {
    return JSON.stringify(z.toJSONSchema(s, { io, unrepresentable: 'any' }), null, 2);
  } catch (e) {
    return JSON.stringify({ note: `schema not representable: ${e instanceof Error ? e.message : String(e)}` });
  }
}
