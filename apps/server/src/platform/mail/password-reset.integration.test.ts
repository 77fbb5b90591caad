import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatformServer, type PlatformServer } from '../test/platform.harness';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real SMTP peer on 127.0.0.1 that keeps every message it receives. */
async function startSmtpPeer(): Promise<{ url: string; messages: string[] }> {
  const messages: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => {
        messages.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, messages };
}

async function server(env: Record<string, string>): Promise<PlatformServer> {
  const started = await startPlatformServer(env);
  cleanups.push(() => started.stop());
  return started;
}

const waitFor = async <T>(read: () => T | undefined): Promise<T> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
};

describe('password reset by email', () => {
  it('with SMTP but no TABLEPORT_URL, no link is emailed (it would be built from a Host header a stranger chose)', async () => {
    const smtp = await startSmtpPeer();
    const app = await server({ TABLEPORT_SMTP_URL: smtp.url });
    await app.session('ada@example.com');
    const refused = await app.call({
      method: 'POST',
      path: '/api/auth/request-password-reset',
      as: null,
      body: { email: 'ada@example.com' },
    });
    expect(refused.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages).toHaveLength(0);
    expect(app.logs.join('')).toContain('set TABLEPORT_URL');
  });

  it('with TABLEPORT_URL the email carries a link that sets a new password and ends every session', async () => {
    const smtp = await startSmtpPeer();
    const app = await server({ TABLEPORT_SMTP_URL: smtp.url, TABLEPORT_URL: 'http://127.0.0.1:1' });
    const ada = await app.session('ada@example.com');
    const requested = await app.call({
      method: 'POST',
      path: '/api/auth/request-password-reset',
      as: null,
      body: { email: 'ada@example.com', redirectTo: '/reset' },
    });
    expect(requested.status).toBe(200);
    const message = await waitFor(() => smtp.messages[0]);
    expect(message).toMatch(/^To: ada@example\.com/m);
    const token = /reset-password\/([A-Za-z0-9]+)/.exec(message.replace(/=\r?\n/g, ''))![1]!;
    const reset = await app.call({
      method: 'POST',
      path: '/api/auth/reset-password',
      as: null,
      body: { token, newPassword: 'a brand new password' },
    });
    expect(reset.status).toBe(200);
    expect((await app.call({ method: 'GET', path: '/api/v1/me', as: ada })).status).toBe(401);
    await app.session('ada@example.com', { signIn: true, password: 'a brand new password' });
    expect(app.logs.join('')).not.toContain(token);
  });

  it('without SMTP the link goes to the log, and an unknown email gets the same answer', async () => {
    const app = await server({});
    await app.session('ada@example.com');
    const known = await app.call({
      method: 'POST',
      path: '/api/auth/request-password-reset',
      as: null,
      body: { email: 'ada@example.com' },
    });
    const unknown = await app.call({
      method: 'POST',
      path: '/api/auth/request-password-reset',
      as: null,
      body: { email: 'nobody@example.com' },
    });
    expect(unknown.body).toEqual(known.body);
    const line = await waitFor(() => app.logs.find((entry) => entry.includes('email (no SMTP configured)')));
    expect(JSON.parse(line)).toMatchObject({
      to: 'ada@example.com',
      link: expect.stringContaining('/api/auth/reset-password/'),
    });
    expect(app.logs.join('')).not.toContain('correct horse battery');
  });
});
