import type { Actor, SECRET_KINDS } from '@tableport/contracts';
import type { UserView } from '../auth/users.service';
import type { KeyView } from '../keys/keys.service';

/** What `tableport user|key|secrets` do, through the running server or on the database itself. */
export interface PlatformClient {
  /** `server` = over TABLEPORT_URL with the admin token; `database` = opened here (no server holds it). */
  readonly mode: 'server' | 'database';
  createUser(input: { email: string; name: string; password: string }): Promise<UserView>;
  listUsers(): Promise<UserView[]>;
  /** Creates a key for the user with this email (default: the instance owner); the token is in the answer only. */
  createKey(input: NewCliKey): Promise<{ key: KeyView; token: string }>;
  listKeys(): Promise<KeyView[]>;
  revokeKey(id: string): Promise<void>;
  rotateSecrets(): Promise<{ version: number; reencrypted: number }>;
  close(): Promise<void>;
}

/** The options of `tableport key create`. */
export interface NewCliKey {
  name: string;
  scopes: string[];
  baseIds?: string[];
  userEmail?: string;
  expiresAt?: string;
}

/** The actor of CLI work done on the database directly. */
export const CLI_ACTOR: Actor = { kind: 'admin', id: 'cli', userId: null, channel: 'system' };

export type { UserView, KeyView };
export type SecretKind = (typeof SECRET_KINDS)[number];
