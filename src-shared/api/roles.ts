// Roles of the command centre (design.md §1, domain.md §8). Permissions are checked in the
// registry on every call; the UI only hides what a role cannot use.
export const ROLES = {
  window: '窗口立案',
  docsQuery: '文书查控',
  fastTrack: '快执团队',
  team: '法庭执行团队',
  money: '案款专员',
  zhongben: '终本管控',
  management: '综合管理',
  // 司法警察（拘传团队）: carries out 拘传, 拘留, 罚款 and supports searches (司法警察职权规定 Art. 1; desks.md §2).
  detention: '司法警察',
  admin: '系统管理员',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/**
 * Roles whose users see only some cases: a user holding no other role sees only the cases of
 * their team (unless granted the whole register); the detention team sees the cases that sent it
 * a request (services/auth/scope.ts). See src-main/services/auth/scope.ts.
 */
export const SCOPED_ROLES = ['team', 'detention'] as const satisfies readonly Role[];

/**
 * Who may call a method: `public` (no session, e.g. login), `user` (any logged-in user),
 * or a list of roles. The administrator may call everything.
 */
export type Access = 'public' | 'user' | readonly Role[];
