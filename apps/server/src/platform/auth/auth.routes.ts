import { AppError, type Actor } from '@tableport/contracts';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../gateway/gateway.types';
import { remoteAddress } from '../api/principal-context';
import type { AuditLog } from '../audit/audit.types';
import type { SignInGuard } from '../limits/sign-in-guard';
import type { Auth } from './better-auth';
import { withoutTokens } from './response-tokens';

/** Who may sign up besides the first user: anyone (`open`) or invited emails (`invite`). */
export type SignupMode = 'open' | 'invite';

/** Options of {@link mountAuthRoutes}. */
export interface AuthRoutesOptions {
  auth: Auth;
  guard: SignInGuard;
  audit: AuditLog;
  signupMode: SignupMode;
  /** True when sign-up is allowed for the email although the mode is `invite` (first user, invited). */
  mayJoin(email: string): Promise<boolean>;
}

// Endpoints that take a password or send mail: JSON bodies only (so the email we count is the one
// better-auth reads), and counted per address.
const GUARDED = new Set(['/sign-in/email', '/sign-up/email', '/request-password-reset', '/reset-password']);
const emailBody = z.object({ email: z.string() }).partial();
const userBody = z.object({ user: z.object({ id: z.string() }) });

/**
 * better-auth's endpoints under `/api/auth/*`, wrapped with: per-address limits, account lockout
 * with backoff, the sign-up policy, audit entries for sign-ins (and failures), sign-ups and
 * sign-outs, and removal of session tokens from response bodies (they live in the httpOnly cookie).
 */
export function mountAuthRoutes(root: Hono<AppEnv>, options: AuthRoutesOptions): void {
  root.all('/api/auth/*', async (c) => {
    const path = c.req.path.slice('/api/auth'.length);
    const ip = remoteAddress(c);
    await requireWellFormedJson(c);
    const email = await guardRequest({ c, path, ip, options });
    const signedOutUser =
      path === '/sign-out' ? await options.auth.api.getSession({ headers: c.req.raw.headers }) : null;
    const response = await options.auth.handler(c.req.raw);
    const body: unknown = response.headers.get('content-type')?.includes('application/json')
      ? await response.clone().json()
      : undefined;
    const actor = (userId: string): Actor => ({ kind: 'user', id: userId, userId, channel: 'web' });
    const userId = userBody.safeParse(body).data?.user.id ?? signedOutUser?.user.id;
    const entry = auditedAction(path, response.status);
    if (entry === 'auth.sign_in_failed' && email) {
      const lockMs = await options.guard.recordFailure(email);
      const anonymous: Actor = { kind: 'system', id: 'anonymous', userId: null, channel: 'web' };
      await options.audit.record({
        action: entry,
        outcome: 'failure',
        actor: anonymous,
        ip,
        details: { email, lockedForMs: lockMs },
      });
    } else if (entry && userId) {
      if (entry === 'auth.signed_in' && email) await options.guard.recordSuccess(email);
      await options.audit.record({
        action: entry,
        actor: actor(userId),
        ip,
        target: { type: 'user', id: userId },
      });
    }
    return body === undefined ? response : withoutTokens(response, body);
  });
}

/**
 * A body sent as JSON must parse: better-auth answers a malformed one in its own error format and
 * prints it to the console, outside the JSON logs.
 */
async function requireWellFormedJson(c: Context<AppEnv>): Promise<void> {
  if (!c.req.header('content-type')?.includes('application/json')) return;
  const text = await c.req.raw.clone().text();
  if (text.trim() === '') return;
  try {
    JSON.parse(text);
  } catch {
    throw new AppError({ code: 'request.invalid', message: 'Invalid request: the body is not valid JSON' });
  }
}

function auditedAction(path: string, status: number): string | undefined {
  if (path === '/sign-in/email')
    return status === 200 ? 'auth.signed_in' : status === 401 ? 'auth.sign_in_failed' : undefined;
  if (status !== 200) return undefined;
  return {
    '/sign-up/email': 'user.signed_up',
    '/sign-out': 'auth.signed_out',
    '/change-password': 'auth.password_changed',
  }[path];
}

async function guardRequest(input: {
  c: Context<AppEnv>;
  path: string;
  ip: string | null;
  options: AuthRoutesOptions;
}): Promise<string | undefined> {
  const { c, path, ip, options } = input;
  if (c.req.method !== 'POST' || !GUARDED.has(path)) return undefined;
  if (!c.req.header('content-type')?.includes('application/json')) {
    throw new AppError({ code: 'request.invalid', message: 'Invalid request: send a JSON body' });
  }
  if (ip) await options.guard.countAddress(ip);
  const email = emailBody.safeParse(
    await c.req.raw
      .clone()
      .json()
      .catch(() => ({})),
  ).data?.email;
  if (
    path === '/sign-up/email' &&
    email &&
    options.signupMode === 'invite' &&
    !(await options.mayJoin(email))
  ) {
    throw new AppError({ code: 'auth.signup_closed', message: 'Sign-up is by invitation on this server' });
  }
  if (path === '/sign-in/email' && email) {
    try {
      await options.guard.assertOpen(email);
    } catch (error) {
      if (AppError.isInstance(error) && typeof error.details?.retryAfterSeconds === 'number')
        c.header('Retry-After', String(error.details.retryAfterSeconds));
      throw error;
    }
  }
  return email;
}
