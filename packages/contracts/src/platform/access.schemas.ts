import { z } from 'zod';
import { actorSchema } from '../events';
import { idSchema } from '../ids';

const timestamp = z.string().describe('ISO 8601');

/** A user. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: timestamp,
});
export const createUserBody = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10).max(256),
});

/** The caller. */
export const meSchema = z.object({
  user: userSchema.nullable(),
  principal: z.object({
    kind: z.enum(['admin', 'session', 'api_key', 'oauth']),
    id: z.string(),
    scopes: z.union([z.literal('all'), z.array(z.string())]),
    baseIds: z.array(z.string()).nullable(),
  }),
  instanceOwner: z.boolean(),
});

/** An API key (never its token). */
export const apiKeySchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  scopes: z.array(z.string()),
  baseIds: z.array(z.string()).nullable(),
  rateLimitPerSecond: z.number().int().nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export const createKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.string()).min(1).max(50),
  baseIds: z.array(idSchema('app')).min(1).max(1000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  rateLimitPerSecond: z.number().int().min(1).max(10_000).optional(),
  userId: idSchema('usr').optional().describe('Admin token only: whose key (default: the instance owner)'),
});
export const createdKeySchema = z.object({ key: apiKeySchema, token: z.string().describe('Shown once') });
export const keyParams = z.object({ keyId: idSchema('key') });

/** One audit entry. */
export const auditEntrySchema = z.object({
  id: z.string(),
  occurredAt: timestamp,
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor: actorSchema,
  workspaceId: z.string().nullable(),
  baseId: z.string().nullable(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  eventId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditQuerySchema = z.strictObject({
  workspaceId: idSchema('wsp').optional(),
  baseId: idSchema('app').optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

/** Secrets: metadata only, never values. */
export const SECRET_KINDS = ['airtable_token', 'llm_api_key', 'webhook_secret', 'other'] as const;
export const secretSchema = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  kind: z.enum(SECRET_KINDS),
  name: z.string(),
  hint: z.string(),
  keyVersion: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const createSecretBody = z.strictObject({
  kind: z.enum(SECRET_KINDS),
  name: z.string().trim().min(1).max(200),
  value: z.string().min(1).max(16_384),
});
export const secretParams = z.object({ workspaceId: idSchema('wsp'), secretId: idSchema('sec') });
