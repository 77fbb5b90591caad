import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '@tableport/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { renderConfigurationTable } from './config-doc';
import { loadEnv } from './env';
import { resolveSecretKey } from './secret-key';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (AppError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({}, { cwd: '/srv/app' });
    expect(config.server.port).toBe(8080);
    expect(config.storage.dataDir).toBe('/srv/app/data');
    expect(config.storage.databaseUrl).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.security.adminToken).toBeUndefined();
    expect(config.log.level).toBe('info');
    expect(config.v0.rateLimitPerSecond).toBeUndefined();
  });

  it('names every invalid variable', () => {
    const error = errorOf(() =>
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'http://x',
        TABLEPORT_ADMIN_TOKEN: 'short',
      }),
    );
    expect(error.code).toBe('config.invalid');
    for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'TABLEPORT_ADMIN_TOKEN'])
      expect(error.message).toContain(`${name}:`);
  });

  it('requires TABLEPORT_SECRET_KEY with DATABASE_URL', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(errorOf(() => loadConfig({ DATABASE_URL: url })).message).toContain('TABLEPORT_SECRET_KEY');
    expect(errorOf(() => loadConfig({ DATABASE_URL: url, TABLEPORT_SECRET_KEY: 'abc' })).message).toContain(
      '64 hex',
    );
    const config = loadConfig({ DATABASE_URL: url, TABLEPORT_SECRET_KEY: 'a'.repeat(64) });
    expect(config.storage.databaseUrl).toBe(url);
  });

  it('treats empty values as unset and parses lists', () => {
    const config = loadConfig({ PORT: '', TABLEPORT_CORS_ORIGINS: 'https://a.example, https://b.example,' });
    expect(config.server.port).toBe(8080);
    expect(config.server.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it("takes Airtable's upload host, or the API origin when that is another server", () => {
    expect(loadConfig({}).airtable).toMatchObject({
      url: 'https://api.airtable.com',
      contentUrl: 'https://content.airtable.com',
    });
    expect(loadConfig({ TABLEPORT_AIRTABLE_URL: 'https://api.airtable.com/' }).airtable.contentUrl).toBe(
      'https://content.airtable.com',
    );
    expect(loadConfig({ TABLEPORT_AIRTABLE_URL: 'http://127.0.0.1:9000/' }).airtable.contentUrl).toBe(
      'http://127.0.0.1:9000',
    );
    const both = loadConfig({
      TABLEPORT_AIRTABLE_URL: 'http://127.0.0.1:9000',
      TABLEPORT_AIRTABLE_CONTENT_URL: 'http://127.0.0.1:9001',
    });
    expect(both.airtable.contentUrl).toBe('http://127.0.0.1:9001');
  });
});

describe('loadEnv', () => {
  it('reads .env and lets the real environment win', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-env-'));
    writeFileSync(path.join(dir, '.env'), 'PORT=9000\nLOG_LEVEL=debug\n');
    const env = loadEnv({ cwd: dir, env: { PORT: '9100' } });
    expect(env.PORT).toBe('9100');
    expect(env.LOG_LEVEL).toBe('debug');
    expect(loadEnv({ cwd: path.join(dir, 'missing'), env: {} })).toEqual({});
  });
});

describe('resolveSecretKey', () => {
  it('generates a key once into the data dir (0600) and reuses it', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tp-key-'));
    const config = loadConfig({ TABLEPORT_DATA_DIR: dataDir });
    const first = resolveSecretKey(config);
    expect(first.source).toBe('generated');
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(config)).toEqual({ key: first.key, source: 'file' });
  });

  it('prefers TABLEPORT_SECRET_KEY', () => {
    const config = loadConfig({ TABLEPORT_SECRET_KEY: 'AB'.repeat(32) });
    expect(resolveSecretKey(config)).toEqual({ key: 'ab'.repeat(32), source: 'env' });
  });
});

describe('docs/configuration.md', () => {
  it('lists every variable exactly as the code defines it', () => {
    const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(doc).toContain(renderConfigurationTable());
  });
});
