import { z } from 'zod';
import { isAddressOrCidr } from '../infra/http/address-policy';

/** Empty strings count as unset, so `FOO=` in a .env file means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const port = z.coerce.number().int().min(0).max(65535);
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)');
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL');
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * Every environment variable Tableport reads, with its default and one line of doc.
 * docs/configuration.md is generated from these descriptions, and a test keeps them in sync.
 */
export const ENV_SPEC = {
  PORT: { schema: optional(port).default(8080), doc: 'HTTP port. `0` picks a free port.', default: '8080' },
  HOST: {
    schema: optional(z.string()).default('0.0.0.0'),
    doc: 'Interface to listen on.',
    default: '0.0.0.0',
  },
  TABLEPORT_DATA_DIR: {
    schema: optional(z.string()).default('./data'),
    doc: 'Embedded data: the PGlite database, the generated secret key, attachments.',
    default: './data',
  },
  DATABASE_URL: {
    schema: optional(postgresUrl),
    doc: 'PostgreSQL URL. Unset: embedded PGlite in the data dir (one process).',
  },
  DATABASE_POOL_MAX: {
    schema: optional(z.coerce.number().int().min(1).max(200)).default(10),
    doc: 'Connections per process when DATABASE_URL is set.',
    default: '10',
  },
  REDIS_URL: {
    schema: optional(redisUrl),
    doc: 'Redis URL for the shared cache, rate-limit counters and pub/sub. Unset: in-process.',
  },
  REDIS_KEY_PREFIX: {
    schema: optional(z.string()).default('tableport:'),
    doc: 'Prefix for every Redis key, so deployments can share one Redis.',
    default: 'tableport:',
  },
  LOG_LEVEL: { schema: optional(logLevel).default('info'), doc: 'pino log level.', default: 'info' },
  TABLEPORT_ADMIN_TOKEN: {
    schema: optional(z.string().min(32, 'must be at least 32 characters')),
    doc: 'Bearer token with full rights, for scripts and CI. No default: without it no admin token exists.',
  },
  TABLEPORT_SECRET_KEY: {
    schema: optional(hex64),
    doc: 'Key that encrypts secrets at rest (64 hex chars). Embedded: generated once into the data dir. Required with DATABASE_URL.',
  },
  TABLEPORT_URL: {
    schema: optional(z.string().url()),
    doc: 'Public base URL of the server (OAuth issuer, links); also the server the CLI talks to.',
  },
  TABLEPORT_CORS_ORIGINS: {
    schema: optional(csv).default([]),
    doc: 'Comma-separated origins allowed to call `/api` from a browser with credentials. `/v0` allows any origin, like Airtable.',
    default: '(none)',
  },
  TABLEPORT_TRUSTED_PROXIES: {
    schema: optional(
      csv.refine((entries) => entries.every(isAddressOrCidr), 'every entry must be an IP address or a CIDR'),
    ).default([]),
    doc: 'Addresses or CIDRs of your reverse proxies. A request from one of them is attributed to the address its `X-Forwarded-For` names (the last hop not in this list), for per-address limits, lockouts and the audit log. Unset: the socket address, and `X-Forwarded-For` is ignored.',
    default: '(none)',
  },
  TABLEPORT_BODY_LIMIT_BYTES: {
    schema: optional(z.coerce.number().int().min(1024)).default(2 * 1024 * 1024),
    doc: 'Largest request body accepted (attachment uploads have their own limit).',
    default: '2097152',
  },
  TABLEPORT_SHUTDOWN_TIMEOUT_MS: {
    schema: optional(z.coerce.number().int().min(0)).default(25_000),
    doc: 'How long a graceful shutdown waits for in-flight requests and jobs.',
    default: '25000',
  },
  TABLEPORT_V0_RATE_LIMIT: {
    schema: optional(z.coerce.number().int().min(1)),
    doc: "Requests per second per base for `/v0`'s Airtable emulation (then 30 s of 429s). Unset: off.",
  },
  TABLEPORT_SMTP_URL: {
    schema: optional(z.string().url()),
    doc: 'SMTP server for email (`smtp://user:pass@host:port`).',
  },
  TABLEPORT_MAIL_FROM: {
    schema: optional(z.string()).default('Tableport <tableport@localhost>'),
    doc: 'Sender of password reset and invitation emails.',
    default: 'Tableport <tableport@localhost>',
  },
  TABLEPORT_SIGNUP: {
    schema: optional(z.enum(['invite', 'open'])).default('invite'),
    doc: 'Who may sign up after the first user (who becomes the owner): `invite` = invited emails only, `open` = anyone.',
    default: 'invite',
  },
  TABLEPORT_RATE_LIMIT: {
    schema: optional(z.coerce.number().int().min(0)).default(50),
    doc: 'Requests per second per user and per API key on `/api`, `/v0` and `/mcp` (a key may set its own). `0` = off.',
    default: '50',
  },
  TABLEPORT_SECRET_KEY_PREVIOUS: {
    schema: optional(hex64),
    doc: 'The former TABLEPORT_SECRET_KEY while rotating it: data keys wrapped by it are re-wrapped at startup.',
  },
  TABLEPORT_OUTBOUND_ALLOW: {
    schema: optional(csv).default([]),
    doc: 'Hosts or CIDRs the outbound guard lets through although private or loopback (e.g. `127.0.0.1` in tests).',
    default: '(none)',
  },
  TABLEPORT_OUTBOUND_CA: {
    schema: optional(z.string().min(1)),
    doc: 'A PEM file of extra certificate authorities the outbound guard trusts (besides the system ones), for https hosts inside your network; tests use it for a loopback https server.',
  },
  TABLEPORT_MCP_READ_ONLY: {
    schema: optional(z.enum(['true', 'false'])).default('false'),
    doc: 'Serve MCP read-only: write tools are hidden from every client (keys without write scopes never see them either).',
    default: 'false',
  },
  TABLEPORT_MCP_ALLOWED_ORIGINS: {
    schema: optional(csv).default([]),
    doc: 'Browser origins (or host names) allowed to call `/mcp`, besides localhost and TABLEPORT_URL. Requests without `Origin` are not browsers and pass.',
    default: '(none)',
  },
  TABLEPORT_MCP_MAX_RESULT_BYTES: {
    schema: optional(z.coerce.number().int().min(2048)).default(50_000),
    doc: 'Response budget of one MCP tool result; a longer list is cut, says so and returns the cursor to go on.',
    default: '50000',
  },
  TABLEPORT_API_KEY: {
    schema: optional(z.string().min(1)),
    doc: 'Key the CLI (`tableport mcp`) sends to the server at TABLEPORT_URL; TABLEPORT_ADMIN_TOKEN is used when unset.',
  },
  TABLEPORT_AIRTABLE_URL: {
    schema: optional(z.string().url()).default('https://api.airtable.com'),
    doc: "Airtable's API origin for connected bases (point it at another Tableport's `/v0` origin in tests).",
    default: 'https://api.airtable.com',
  },
  TABLEPORT_AIRTABLE_CONTENT_URL: {
    schema: optional(z.string().url()),
    doc: "Airtable's upload host (`uploadAttachment`) for connected bases; when unset, TABLEPORT_AIRTABLE_URL if that names another origin than api.airtable.com (another Tableport serves both).",
    default: 'https://content.airtable.com',
  },
  TABLEPORT_AIRTABLE_TOKEN: {
    schema: optional(z.string().min(1)),
    doc: 'Airtable personal access token for bases connected without a stored secret (single-user setups); stored secrets take precedence.',
  },
  TABLEPORT_AIRTABLE_FEED_INTERVAL_SECONDS: {
    schema: optional(z.coerce.number().int().min(1).max(3600)).default(10),
    doc: "How often the change feed polls each connected base's webhook payloads.",
    default: '10',
  },
  TABLEPORT_DEMO: {
    schema: optional(z.enum(['true', 'false'])).default('true'),
    doc: 'Create the demo base on first start of an empty embedded database.',
    default: 'true',
  },
} as const;

export type EnvName = keyof typeof ENV_SPEC;
