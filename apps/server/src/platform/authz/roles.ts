import { ROLES, type Role } from '@tableport/contracts';

export { ROLES, type Role };

/** True when `role` is at least `least` (no role is below everything). */
export function roleAtLeast(role: Role | null, least: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(least);
}

/** The higher of two roles (a base grant never lowers a workspace role). */
export function higherRole(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

const PERMISSION_LEVELS = {
  read: 'read',
  commenter: 'comment',
  editor: 'edit',
  creator: 'create',
  owner: 'owner',
} as const satisfies Record<Role, string>;

/** Airtable's `permissionLevel` for a role (as `/v0/meta/bases` reports it). */
export function permissionLevelOf(role: Role): (typeof PERMISSION_LEVELS)[Role] {
  return PERMISSION_LEVELS[role];
}

/** True when the value is one of the five roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
