import { methods } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/contract';
import { ROLES, ROLE_NAMES, type Role } from '../../../src-shared/api/roles';

/** Whether a role may call a method by the registry's rule (admin passes everything; 'public'/'user' pass every role). */
export function roleMayCall(role: Role, spec: MethodSpec): boolean {
  if (spec.access === 'public' || spec.access === 'user') return true;
  return role === 'admin' || spec.access.includes(role);
}

/** The roles with their Chinese names and the methods each may call, generated from the registry. */
export function roleCatalogue(): { role: Role; label: string; methods: string[] }[] {
  const entries = Object.entries(methods as Record<string, MethodSpec>).sort(([a], [b]) => a.localeCompare(b));
  return ROLE_NAMES.map((role) => ({
    role,
    label: ROLES[role],
    methods: entries.filter(([, spec]) => roleMayCall(role, spec)).map(([name]) => name),
  }));
}
