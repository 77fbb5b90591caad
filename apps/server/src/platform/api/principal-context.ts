import type { Actor, Channel } from '@tableport/contracts';
import type { Context } from 'hono';
import { actorOf } from '../../gateway/actor';
import { clientAddress } from '../../gateway/client-address';
import type { AppEnv, Principal } from '../../gateway/gateway.types';
import { requirePrincipal } from '../../gateway/middleware/auth';

/** The channel of an `/api` request: `web` for the browser session, `api` for tokens. */
export function apiChannel(principal: Principal | null): Channel {
  return principal?.kind === 'session' ? 'web' : 'api';
}

/** The caller of an `/api` route and the actor to audit it as. */
export function caller(c: Context<AppEnv>): { principal: Principal; actor: Actor; ip: string | null } {
  const principal = requirePrincipal(c);
  return { principal, actor: actorOf(principal, apiChannel(principal)), ip: remoteAddress(c) };
}

/** The client's address (the socket's, or what trusted proxies forwarded: see clientAddress). */
export function remoteAddress(c: Context<AppEnv>): string | null {
  return clientAddress(c);
}
