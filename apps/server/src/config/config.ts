import path from 'node:path';
import { AppError } from '@tableport/contracts';
import type { z } from 'zod';
import type { Env } from './env';
import { ENV_SPEC, type EnvName } from './config.schema';

type Values = { [K in EnvName]: z.output<(typeof ENV_SPEC)[K]['schema']> };

const AIRTABLE_API_URL = 'https://api.airtable.com';
const AIRTABLE_CONTENT_URL = 'https://content.airtable.com';

/** Typed configuration, one object per concern, validated once at boot. */
export interface AppConfig {
  server: {
    port: number;
    host: string;
    publicUrl: string | undefined;
    corsOrigins: string[];
    trustedProxies: string[];
    bodyLimitBytes: number;
    shutdownTimeoutMs: number;
  };
  storage: { dataDir: string; databaseUrl: string | undefined; poolMax: number };
  redis: { url: string | undefined; keyPrefix: string };
  log: { level: Values['LOG_LEVEL'] };
  security: { adminToken: string | undefined; secretKey: string | undefined };
  v0: { rateLimitPerSecond: number | undefined };
  outbound: { allow: string[]; caFile: string | undefined };
  smtp: { url: string | undefined };
  platform: {
    mailFrom: string;
    signup: 'invite' | 'open';
    rateLimitPerSecond: number;
    previousSecretKey: string | undefined;
  };
  demo: { enabled: boolean };
  /** Connected Airtable bases: API and upload origins, fallback token, change-feed polling interval. */
  airtable: { url: string; contentUrl: string; token: string | undefined; feedIntervalSeconds: number };
  mcp: { readOnly: boolean; allowedOrigins: string[]; maxResultBytes: number };
  cli: { apiKey: string | undefined };
}

/** Validates every variable and names each invalid one; throws AppError('config.invalid'). */
export function loadConfig(env: Env, options: { cwd?: string } = {}): AppConfig {
  const values = {} as Record<EnvName, unknown>;
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(ENV_SPEC) as [EnvName, (typeof ENV_SPEC)[EnvName]][]) {
    const result = spec.schema.safeParse(env[name]);
    if (result.success) values[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const typed = values as Values;
  if (problems.length === 0 && typed.DATABASE_URL && !typed.TABLEPORT_SECRET_KEY) {
    problems.push(
      'TABLEPORT_SECRET_KEY: required when DATABASE_URL is set, so that every node decrypts the same secrets ' +
        '(generate one with: openssl rand -hex 32)',
    );
  }
  if (problems.length > 0) {
    throw new AppError({
      code: 'config.invalid',
      message: `Invalid configuration:\n  ${problems.join('\n  ')}`,
      details: { problems },
    });
  }
  return toConfig(typed, options.cwd ?? process.cwd());
}

function toConfig(values: Values, cwd: string): AppConfig {
  return {
    server: {
      port: values.PORT,
      host: values.HOST,
      publicUrl: values.TABLEPORT_URL?.replace(/\/+$/, ''),
      corsOrigins: values.TABLEPORT_CORS_ORIGINS,
      trustedProxies: values.TABLEPORT_TRUSTED_PROXIES,
      bodyLimitBytes: values.TABLEPORT_BODY_LIMIT_BYTES,
      shutdownTimeoutMs: values.TABLEPORT_SHUTDOWN_TIMEOUT_MS,
    },
    storage: {
      dataDir: path.resolve(cwd, values.TABLEPORT_DATA_DIR),
      databaseUrl: values.DATABASE_URL,
      poolMax: values.DATABASE_POOL_MAX,
    },
    redis: { url: values.REDIS_URL, keyPrefix: values.REDIS_KEY_PREFIX },
    log: { level: values.LOG_LEVEL },
    security: { adminToken: values.TABLEPORT_ADMIN_TOKEN, secretKey: values.TABLEPORT_SECRET_KEY },
    v0: { rateLimitPerSecond: values.TABLEPORT_V0_RATE_LIMIT },
    outbound: {
      allow: values.TABLEPORT_OUTBOUND_ALLOW,
      caFile: values.TABLEPORT_OUTBOUND_CA && path.resolve(cwd, values.TABLEPORT_OUTBOUND_CA),
    },
    smtp: { url: values.TABLEPORT_SMTP_URL },
    platform: {
      mailFrom: values.TABLEPORT_MAIL_FROM,
      signup: values.TABLEPORT_SIGNUP,
      rateLimitPerSecond: values.TABLEPORT_RATE_LIMIT,
      previousSecretKey: values.TABLEPORT_SECRET_KEY_PREVIOUS?.toLowerCase(),
    },
    demo: { enabled: values.TABLEPORT_DEMO === 'true' },
    airtable: {
      url: values.TABLEPORT_AIRTABLE_URL.replace(/\/+$/, ''),
      contentUrl: airtableContentUrl(values),
      token: values.TABLEPORT_AIRTABLE_TOKEN,
      feedIntervalSeconds: values.TABLEPORT_AIRTABLE_FEED_INTERVAL_SECONDS,
    },
    mcp: {
      readOnly: values.TABLEPORT_MCP_READ_ONLY === 'true',
      allowedOrigins: values.TABLEPORT_MCP_ALLOWED_ORIGINS,
      maxResultBytes: values.TABLEPORT_MCP_MAX_RESULT_BYTES,
    },
    cli: { apiKey: values.TABLEPORT_API_KEY },
  };
}

/**
 * Airtable serves uploads from its own host; any other API origin (another Tableport, a proxy)
 * serves `uploadAttachment` itself unless TABLEPORT_AIRTABLE_CONTENT_URL says otherwise.
 */
function airtableContentUrl(values: Values): string {
  const api = values.TABLEPORT_AIRTABLE_URL.replace(/\/+$/, '');
  return (
    values.TABLEPORT_AIRTABLE_CONTENT_URL ?? (api === AIRTABLE_API_URL ? AIRTABLE_CONTENT_URL : api)
  ).replace(/\/+$/, '');
}
