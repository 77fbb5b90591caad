import { ACTIONS, type Action } from '../authz/authz.types';
import { roleAtLeast, type Role } from '../authz/roles';
import type { As, PlatformServer } from './platform.harness';

/** Who the matrix tries: a workspace role, a role granted on the base only, or no role at all. */
export type MatrixSubject = Role | 'base:editor' | 'none';
export const SUBJECTS: readonly MatrixSubject[] = [
  'owner',
  'creator',
  'editor',
  'commenter',
  'read',
  'base:editor',
  'none',
];

/** The world a probe runs in. */
export interface ProbeWorld {
  server: PlatformServer;
  workspaceId: string;
  baseId: string;
  /** A record of the base's `Tasks` table (comments hang on it). */
  recordId: string;
  /** A read-only member that role-changing probes act on (and restore). */
  targetUserId: string;
  /** A fresh name for things a probe creates. */
  unique(): string;
}

/** One channel's way to attempt each action it exposes; the answer says whether it was allowed. */
export interface MatrixChannel {
  name: string;
  /** How a subject authenticates on this channel (session cookie, full-scope key…). */
  credential: 'session' | 'key';
  probes: Partial<Record<Action, (world: ProbeWorld, as: As) => Promise<{ status: number; text: string }>>>;
}

/** What the authorization rules say: the least role of the action where it applies. */
export function expected(subject: MatrixSubject, action: Action): boolean {
  const spec = ACTIONS[action];
  if (spec.level === 'self') return true;
  if (spec.level === 'instance') return false;
  const workspaceRole: Role | null = subject === 'none' || subject === 'base:editor' ? null : subject;
  const baseRole: Role | null = subject === 'base:editor' ? 'editor' : workspaceRole;
  return roleAtLeast(spec.level === 'workspace' ? workspaceRole : baseRole, spec.role);
}

/** Allowed (2xx), refused (403), or a failure of the test (anything else). */
export function outcome(response: { status: number; text: string }): boolean {
  if (response.status >= 200 && response.status < 300) return true;
  if (response.status === 403) return false;
  throw new Error(`unexpected ${response.status}: ${response.text.slice(0, 300)}`);
}
