import { AppError, isErrorCode } from '@tableport/contracts';
import { z } from 'zod';
import type { KeyView, PlatformClient, UserView } from './platform-client';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The platform API of a running server, called with TABLEPORT_ADMIN_TOKEN. */
export function createHttpClient(options: { url: string; adminToken: string }): PlatformClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${options.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new AppError({
        code: 'service.unavailable',
        message: `Cannot reach the server at ${options.url} (TABLEPORT_URL)`,
        cause: error,
      });
    }
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
    const parsed = errorBody.safeParse(text ? JSON.parse(text) : {});
    const code =
      parsed.data && isErrorCode(parsed.data.error.code) ? parsed.data.error.code : 'internal.unexpected';
    throw new AppError({
      code,
      message: parsed.data?.error.message ?? `The server answered ${response.status}`,
    });
  };
  const listUsers = async () => (await call<{ users: UserView[] }>('GET', '/users')).users;
  return {
    mode: 'server',
    createUser: (input) => call<UserView>('POST', '/users', input),
    listUsers,
    async createKey({ userEmail, ...input }) {
      const user = userEmail
        ? (await listUsers()).find((candidate) => candidate.email === userEmail.trim().toLowerCase())
        : undefined;
      if (userEmail && !user) throw new AppError({ code: 'user.not_found', message: `No user ${userEmail}` });
      return call('POST', '/keys', { ...input, ...(user ? { userId: user.id } : {}) });
    },
    listKeys: async () => (await call<{ keys: KeyView[] }>('GET', '/keys')).keys,
    revokeKey: (id) => call('DELETE', `/keys/${encodeURIComponent(id)}`),
    rotateSecrets: () => call('POST', '/secrets/rotate'),
    close: async () => {},
  };
}
