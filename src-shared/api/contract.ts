import type { z } from 'zod';
import type { Access } from './roles';
import type { ErrorCode } from './errors';
import type { CaseScopeSpec } from './caseScope';
import type { VersionSpec } from './caseVersions';
// Chinese messages for every schema, wherever the contract is loaded (main process and renderer).
import '../zodChinese';

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
  /**
   * Which cases the method touches (./caseScope.ts): ids in its input by kind, a handler that narrows
   * to the caller's cases, 'none' or 'court'. Required: the registry refuses a method open to a scoped
   * role (a tribunal team) unless it says how its cases are found, and applies it before the handler.
   */
  cases: CaseScopeSpec;
  /**
   * How a write states the versions of the cases it changes (./caseVersions.ts): 'seen' (its input
   * has the `seen` field, checked by the registry before and inside the write) or an exemption with
   * its reason. Required of every method that `writes` and touches cases; the app does not start without it.
   */
  versions?: VersionSpec;
  /**
   * The largest request body the method accepts, in bytes (default DEFAULT_MAX_BODY_BYTES). The web
   * transport refuses a larger one before reading it; only upload methods declare more.
   */
  maxBodyBytes?: number;
  /**
   * Paths of the input's uploaded files, base64 in JSON (`contentBase64`, `files.*.dataBase64`,
   * `*` for every element of a list): the web transport decodes them off the request thread.
   */
  fileFields?: readonly string[];
  /** Available in recovery mode (the database could not be opened): every other method is refused. */
  recovery?: true;
}

/** The request body of a method that declares no maxBodyBytes: 5,000 ids or a year's calendar fit many times over. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The body limit of a public method (read before any login): small, since anyone may send it. */
export const PUBLIC_BODY_BYTES = 16 * 1024;

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
