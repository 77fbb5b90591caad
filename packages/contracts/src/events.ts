import { z } from 'zod';

/** Every domain event name (`noun.verb`). Later modules add theirs here. */
export const EVENT_TYPES = [
  'record.created',
  'record.updated',
  'record.deleted',
  'table.created',
  'table.updated',
  'table.deleted',
  'field.created',
  'field.updated',
  'field.deleted',
  'base.created',
  'base.updated',
  'base.deleted',
  'comment.created',
  'comment.updated',
  'comment.deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Where a change came from. */
export const CHANNELS = ['web', 'api', 'v0', 'mcp', 'ai', 'automation', 'import', 'sync', 'system'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who made a change and through which channel (recorded with every event and audit entry). */
export const actorSchema = z.object({
  kind: z.enum(['user', 'api_key', 'oauth', 'admin', 'system', 'automation', 'ai']),
  id: z.string(),
  userId: z.string().nullable().optional(),
  channel: z.enum(CHANNELS),
});
export type Actor = z.infer<typeof actorSchema>;

/** A committed change, as stored in the outbox and handed to subscribers. */
export interface DomainEvent<Payload = Record<string, unknown>> {
  id: string;
  seq: number;
  type: EventType;
  workspaceId: string | null;
  baseId: string | null;
  tableId: string | null;
  actor: Actor;
  payload: Payload;
  occurredAt: string;
}

/** What a writer supplies; id, seq and time are assigned on append. */
export type DomainEventInput<Payload = Record<string, unknown>> = Omit<
  DomainEvent<Payload>,
  'id' | 'seq' | 'occurredAt' | 'workspaceId' | 'baseId' | 'tableId'
> & {
  workspaceId?: string | null;
  baseId?: string | null;
  tableId?: string | null;
};
