import { AppError, type Channel } from '@tableport/contracts';
import { z } from 'zod';
import type { BaseSchema } from '../data.types';

/** Where a change came from, as Airtable names it (`fromSources`, `actionMetadata.source`). */
export const SOURCES = ['client', 'publicApi', 'formSubmission', 'formPageSubmission', 'automation', 'system', 'sync', 'anonymousUser', 'unknown'] as const;
export type Source = (typeof SOURCES)[number];

const SOURCE_OF_CHANNEL: Record<Channel, Source> = {
  web: 'client',
  api: 'publicApi',
  v0: 'publicApi',
  mcp: 'publicApi',
  ai: 'publicApi',
  automation: 'automation',
  import: 'system',
  sync: 'sync',
  system: 'system',
};

/** The Airtable source of a change made through a Tableport channel. */
export const sourceOf = (channel: Channel): Source => SOURCE_OF_CHANNEL[channel] ?? 'unknown';

const fieldIds = z.array(z.string());

/** `specification` of a webhook (shared/airtable-api.md §4.1.1): ids only, never names. */
export const specificationSchema = z.looseObject({
  options: z.looseObject({
    filters: z.looseObject({
      dataTypes: z.array(z.enum(['tableData', 'tableFields', 'tableMetadata'])).min(1),
      recordChangeScope: z.string().optional(),
      changeTypes: z.array(z.enum(['add', 'remove', 'update'])).optional(),
      fromSources: z.array(z.enum(SOURCES)).optional(),
      sourceOptions: z.record(z.string(), z.unknown()).optional(),
      watchDataInFieldIds: fieldIds.optional(),
      watchSchemasOfFieldIds: fieldIds.optional(),
    }),
    includes: z
      .looseObject({
        includeCellValuesInFieldIds: z.union([z.literal('all'), fieldIds]).optional(),
        includePreviousCellValues: z.boolean().optional(),
        includePreviousFieldDefinitions: z.boolean().optional(),
      })
      .optional(),
  }),
});
export type Specification = z.infer<typeof specificationSchema>;

/** The body of `POST /v0/bases/{baseId}/webhooks`. */
export const createWebhookSchema = z.looseObject({
  notificationUrl: z
    .url({ protocol: /^https?$/ })
    .nullish(),
  specification: specificationSchema,
});

function invalid(message: string): AppError {
  return new AppError({ code: 'webhook.invalid_specification', message });
}

/** Checks that the ids a specification names belong to the base; returns the table it is scoped to, if any. */
export function checkSpecification(spec: Specification, schema: BaseSchema): { scopeTableId: string | null } {
  const filters = spec.options.filters;
  const scope = filters.recordChangeScope;
  let scopeTableId: string | null = null;
  if (scope !== undefined) {
    const table = schema.tables.find((candidate) => candidate.id === scope || candidate.views.some((view) => view.id === scope));
    if (!table) throw invalid(`recordChangeScope ${scope} is not a table or view of the base`);
    scopeTableId = table.id;
  }
  const inScope = schema.tables.filter((table) => scopeTableId === null || table.id === scopeTableId);
  const known = new Set(inScope.flatMap((table) => table.fields.map((field) => field.id)));
  const includes = spec.options.includes?.includeCellValuesInFieldIds;
  const named = [...(filters.watchDataInFieldIds ?? []), ...(filters.watchSchemasOfFieldIds ?? []), ...(Array.isArray(includes) ? includes : [])];
  const unknown = named.find((id) => !known.has(id));
  if (unknown) throw invalid(`field ${unknown} is not a field of ${scopeTableId ?? 'the base'}`);
  return { scopeTableId };
}
