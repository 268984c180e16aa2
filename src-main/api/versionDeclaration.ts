import type { z } from 'zod';
import type { MethodSpec } from '../../src-shared/api/contract';
import { seen as seenField } from '../../src-shared/api/caseVersions';
import { changedPaths } from './versionCheck';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The input's top-level objects (through default/optional/pipe and the branches of a union). */
function inputShapes(input: z.ZodType, depth = 0): Record<string, z.ZodType>[] {
  if (depth > 10) return [];
  const d = defOf(input);
  if (d.type === 'object') return d.shape ? [d.shape] : [];
  if (d.type === 'union') return (d.options ?? []).flatMap((o) => inputShapes(o, depth + 1));
  if (d.innerType) return inputShapes(d.innerType, depth + 1);
  if (d.in) return inputShapes(d.in, depth + 1);
  return [];
}

/**
 * Refuses to register a method that changes cases without saying how the clerk's view is checked
 * (src-shared/api/caseVersions.ts): every method that `writes` and touches cases declares
 * `versions`; 'seen' needs the shared `seen` field in the input and ids that name the changed cases;
 * an exemption needs its reason.
 */
export function checkVersionDeclaration(name: string, spec: MethodSpec): void {
  const shapes = inputShapes(spec.input);
  const hasSeen = shapes.some((sh) => 'seen' in sh);
  const allSeen = shapes.length > 0 && shapes.every((sh) => sh.seen === seenField);
  const v = spec.versions;
  if (v === undefined) {
    if (spec.writes && spec.cases !== 'none') {
      throw new Error(`${name}: changes cases (writes, cases: ${JSON.stringify(spec.cases)}) but declares no versions. Add \`seen\` to its input and \`versions: 'seen'\`, or \`versions: { exempt: '理由' }\` (src-shared/api/caseVersions.ts).`);
    }
    if (hasSeen) throw new Error(`${name}: its input has \`seen\` but the method declares no versions`);
    return;
  }
  if (typeof v === 'object' && 'exempt' in v) {
    if (typeof v.exempt !== 'string' || v.exempt.trim().length < 4) throw new Error(`${name}: versions.exempt needs its reason`);
    if (hasSeen) throw new Error(`${name}: exempt from versions but its input has \`seen\``);
    return;
  }
  if (!allSeen) throw new Error(`${name}: versions '${JSON.stringify(v)}' needs the shared \`seen\` field in its input (import { seen } from src-shared/api/caseVersions)`);
  if (typeof v === 'object') {
    const ids = typeof spec.cases === 'object' ? (spec.cases.ids ?? {}) : {};
    for (const p of v.seen) if (!(p in ids)) throw new Error(`${name}: versions.seen names ${p}, which is not in cases.ids`);
  }
  if (changedPaths(spec.cases, v).length === 0) throw new Error(`${name}: versions 'seen' but its case declaration names no case it changes (cases.ids of a case kind)`);
}
