import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from './gateway.types';

/**
 * The client's address: the socket peer, or, when the peer is a trusted proxy
 * (TABLEPORT_TRUSTED_PROXIES), the last address in `X-Forwarded-For` that is not one, read from
 * the right: each proxy appends the address it saw, so the entries left of the first untrusted
 * hop were written by the client and prove nothing. A malformed entry ends the walk at the hop
 * after it. Null when there is no socket (in-process requests).
 */
export function clientAddress(c: Context<AppEnv>): string | null {
  let peer: string | null;
  try {
    peer = getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
  const trusted = c.get('trustedProxy');
  if (!peer || !trusted?.(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim());
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (!ipaddr.isValid(hop)) break;
    client = ipaddr.process(hop).toString();
    if (!trusted(client)) break;
  }
  return client;
}
