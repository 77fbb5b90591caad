import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { resolveStdioMode } from './stdio.mode';

const config = (env: Record<string, string> = {}) => loadConfig(env, { cwd: '/srv' });
const lock = { pid: 1, url: 'http://127.0.0.1:8080', startedAt: '2026-01-01T00:00:00Z' };

describe('resolveStdioMode', () => {
  it('serves the embedded data when no server is named or holds the data dir', () => {
    expect(resolveStdioMode({ config: config(), lock: undefined })).toEqual({ kind: 'embedded' });
  });

  it('relays to --url, then TABLEPORT_URL, then the lock holder, with the API key first', () => {
    const env = { TABLEPORT_API_KEY: 'tpk_1', TABLEPORT_ADMIN_TOKEN: 'x'.repeat(32) };
    expect(resolveStdioMode({ config: config(env), urlOption: 'http://a:1/', lock })).toEqual({
      kind: 'relay',
      url: 'http://a:1/mcp',
      token: 'tpk_1',
    });
    expect(
      resolveStdioMode({ config: config({ ...env, TABLEPORT_URL: 'https://t.example' }), lock }),
    ).toMatchObject({
      url: 'https://t.example/mcp',
    });
    const admin = config({ TABLEPORT_ADMIN_TOKEN: 'x'.repeat(32) });
    expect(resolveStdioMode({ config: admin, lock })).toEqual({
      kind: 'relay',
      url: 'http://127.0.0.1:8080/mcp',
      token: 'x'.repeat(32),
    });
  });

  it('ignores the lock with PostgreSQL (many processes may open it)', () => {
    const postgres = config({ DATABASE_URL: 'postgres://h/db', TABLEPORT_SECRET_KEY: 'a'.repeat(64) });
    expect(resolveStdioMode({ config: postgres, lock })).toEqual({ kind: 'embedded' });
  });

  it('says which key to set when relaying without one', () => {
    try {
      resolveStdioMode({ config: config(), lock });
      expect.unreachable();
    } catch (error) {
      expect(AppError.isInstance(error) && error.code).toBe('config.invalid');
      expect((error as Error).message).toContain('holds the data dir /srv/data');
      expect((error as Error).message).toContain('TABLEPORT_API_KEY');
    }
  });
});
