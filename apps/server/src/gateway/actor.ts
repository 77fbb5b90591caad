import type { Actor, Channel } from '@tableport/contracts';
import type { Principal } from './gateway.types';

const KINDS = { admin: 'admin', session: 'user', api_key: 'api_key', oauth: 'oauth' } as const;

/** The actor recorded in events and the audit log for a principal acting through a channel. */
export function actorOf(principal: Principal | null, channel: Channel): Actor {
  if (!principal) return { kind: 'system', id: 'system', userId: null, channel };
  return { kind: KINDS[principal.kind], id: principal.id, userId: principal.userId, channel };
}
