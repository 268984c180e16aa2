import type { z } from 'zod';
import type { Access } from './roles';
import type { ErrorCode } from './errors';

/** One named method of the API: the single source for validation, types, permissions and docs. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** Error codes the method may return besides the generic ones (invalid_input, unauthorized, forbidden, internal). */
  errors?: readonly ErrorCode[];
  /** True when the method changes data; such calls are refused while the database is read-only. */
  writes?: boolean;
  /** Available in recovery mode (the database could not be opened): every other method is refused. */
  recovery?: true;
}

/** Declares a group of methods; keeps literal names so the client is typed against them. */
export function defineMethods<const M extends Record<string, MethodSpec>>(methods: M): M {
  return methods;
}

/**
 * Merges method groups into one registry and refuses a name defined twice
 * (anchor: Actual Budget's loot-core app registry).
 */
export function mergeMethods<const G extends readonly Record<string, MethodSpec>[]>(
  ...groups: G
): UnionToIntersection<G[number]> {
  const out: Record<string, MethodSpec> = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in out) throw new Error(`API method defined twice: ${name}`);
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) throw new Error(`API method name must be domain.verb: ${name}`);
      out[name] = spec;
    }
  }
  return out as UnionToIntersection<G[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
