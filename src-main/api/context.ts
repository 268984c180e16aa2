import type { App } from '../app/app';
import type { Role } from '../../src-shared/api/roles';
import type { Actor } from '../events/log';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  /** Granted the whole register although a team member (see services/auth/scope.ts). */
  allCases?: boolean;
}

/** What a handler knows about the call: the app, who is calling, and from where. */
export interface CallContext {
  app: App;
  user: SessionUser | null;
  token: string | null;
  workstation: string;
  transport: 'ipc' | 'http' | 'internal';
  /** The client's network address as the socket shows it (http); absent for the app's own and IPC calls. */
  address?: string;
  /** What the client says it is (the desktop's computer name, a browser): shown beside sessions, never trusted. */
  client?: string;
}

export function actorOf(ctx: CallContext): Actor {
  return { id: ctx.user?.id ?? null, name: ctx.user?.displayName ?? '系统', workstation: ctx.workstation };
}

/** A handler's result that is a file to download (web) or open (desktop), not JSON. */
export class FileResponse {
  constructor(
    readonly path: string,
    readonly fileName: string,
    readonly mime: string,
    /** Desktop: show the file in its folder instead of opening it (the web mode downloads either way). */
    readonly reveal = false,
  ) {}
}
