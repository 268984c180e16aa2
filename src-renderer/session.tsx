import { createContext, useContext } from 'react';
import type { MethodOutput } from '../src-shared/api';
import type { Role } from '../src-shared/api/roles';

export type SystemInfo = MethodOutput<'system.info'>;
export type SessionUser = MethodOutput<'auth.me'>;
export type SettingsView = MethodOutput<'settings.get'>;

export interface Session {
  info: SystemInfo;
  user: SessionUser;
  settings: SettingsView;
  reloadSettings(): Promise<void>;
  logout(): void;
  /** Idle screen lock (idleLockMinutes): ends the session but keeps the user and the route; the password unlocks. */
  lock(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the session');
  return s;
}

export function hasRole(user: SessionUser, roles: readonly Role[] | undefined): boolean {
  if (!roles || roles.length === 0) return true;
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}
