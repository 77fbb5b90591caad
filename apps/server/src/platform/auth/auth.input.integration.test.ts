import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '../test/platform.harness';

let server: PlatformServer;
beforeAll(async () => {
  server = await startPlatformServer();
});
afterAll(() => server?.stop());

const post = (path: string, body: string, contentType?: string) =>
  fetch(`${server.url}/api/auth${path}`, {
    method: 'POST',
    headers: { origin: server.url, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });

describe('bad bodies on /api/auth', () => {
  it('answers malformed JSON with our error format on every endpoint (better-auth answers in its own format)', async () => {
    for (const path of [
      '/sign-up/email',
      '/sign-in/email',
      '/sign-out',
      '/change-password',
      '/update-user',
    ]) {
      const response = await post(path, '{"email": ', 'application/json');
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({
        error: { code: 'request.invalid', requestId: expect.any(String) },
      });
    }
  });

  it('refuses a password endpoint without a JSON content type', async () => {
    const response = await post(
      '/sign-in/email',
      'email=a@b.c&password=x',
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'request.invalid' } });
  });
});
