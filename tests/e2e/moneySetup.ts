import type { Page } from '@playwright/test';
import { apiCall } from './helpers';

export const USER_PASSWORD = 'e2e-money-pass';

/** A user with the given roles, created once per data folder (specs of one run share it). */
export async function ensureUser(page: Page, username: string, displayName: string, roles: string[], teamId: string | null = null): Promise<void> {
  const users = await apiCall<{ username: string }[] | { rows: { username: string }[] }>(page, 'users.list', {});
  const list = Array.isArray(users) ? users : users.rows;
  if (list.some((u) => u.username === username)) return;
  await apiCall(page, 'users.create', { username, displayName, password: USER_PASSWORD, roles, teamId });
}
