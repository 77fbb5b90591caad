import { AppError, isId } from '@tableport/contracts';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../gateway/gateway.types';
import type { BodyLimitOverride } from '../../gateway/middleware/limits';
import type { Database } from '../../infra/db';
import type { Authorizer } from '../../platform/authz/authz.types';
import { accessBase } from '../data.access';
import type { DataServices } from '../data.module';
import { jsonBody } from '../v0/v0.body';
import { route, v0Caller } from '../v0/v0.records.routes';
import type { V0Extension } from '../v0/v0.app';
import type { LocalAttachmentStore } from './attachment.store';

/** Airtable's upload limit: 5 MB of file per call. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The upload path's body limit: 5 MB in base64 (4/3) plus the JSON around it. */
export const uploadBodyLimit: BodyLimitOverride = {
  pattern: /^\/v0\/app[A-Za-z0-9]{14}\/rec[A-Za-z0-9]{14}\/[^/]+\/uploadAttachment\/?$/,
  maxBytes: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
};

const uploadSchema = z.looseObject({ contentType: z.string().min(1), file: z.string().min(1), filename: z.string().min(1) });
const invalid = (message: string) => new AppError({ code: 'attachment.invalid_upload', message });

/**
 * `POST /v0/{baseId}/{recordId}/{attachmentFieldIdOrName}/uploadAttachment` (shared/airtable-api.md
 * §2.11): stores the file, appends it to the cell through the data service (events, change set) and
 * answers the record with only that field, keyed by field id.
 */
export function uploadRoutes(options: {
  db: Database;
  authorizer: Authorizer;
  services: () => DataServices;
  store: LocalAttachmentStore;
}): V0Extension {
  return (app: Hono<AppEnv>) => {
    route(app, 'post', '/:baseId/:recordId/:field/uploadAttachment', async (c, { baseId }) => {
      const caller = v0Caller(c);
      const { data, local } = options.services();
      const recordId = c.req.param('recordId') ?? '';
      const fieldRef = c.req.param('field') ?? '';
      const { base } = await accessBase({ db: options.db, authorizer: options.authorizer, drivers: { local } }, { caller, action: 'records.write', baseId });
      const parsed = uploadSchema.safeParse(await jsonBody(c));
      if (!parsed.success) throw invalid('An upload needs contentType, file (base64) and filename');
      const content = Buffer.from(parsed.data.file, 'base64');
      if (content.byteLength > MAX_UPLOAD_BYTES) {
        throw new AppError({ code: 'attachment.too_large', message: 'The file is larger than 5 MB', details: { limitBytes: MAX_UPLOAD_BYTES } });
      }
      const schema = await local.getBaseSchema({ base });
      const candidates = schema.tables.flatMap((table) =>
        table.fields.filter((field) => field.id === fieldRef || field.name === fieldRef).map((field) => ({ table, field })),
      );
      if (candidates.length === 0) throw new AppError({ code: 'field.unknown', message: `Unknown field name: "${fieldRef}"` });
      const target = isId(recordId, 'rec') ? await findRecord({ local, base, recordId, candidates }) : undefined;
      if (!target) throw new AppError({ code: 'record.not_found', message: 'Record not found', details: { recordId } });
      if (target.field.type !== 'multipleAttachments') throw invalid(`Field "${target.field.name}" is not an attachment field`);
      const file = await options.store.save({ filename: parsed.data.filename, type: parsed.data.contentType, content });
      const kept = Array.isArray(target.cell) ? (target.cell as { id: string }[]).map((item) => ({ id: item.id })) : [];
      const result = await data.updateRecords({
        caller,
        baseId,
        tableIdOrName: target.table.id,
        records: [{ id: recordId, fields: { [target.field.id]: [...kept, { url: options.store.urlOf(file), filename: file.filename }] } }],
        mode: 'merge',
        returnFieldsByFieldId: true,
      });
      const record = result.records[0]!;
      if (result.changeSetId) c.header('x-tableport-change-set', result.changeSetId);
      return c.json({ id: record.id, createdTime: record.createdTime, fields: { [target.field.id]: record.fields[target.field.id] ?? [] } });
    });
  };
}

type Candidate = { table: { id: string }; field: { id: string; name: string; type: string } };

async function findRecord(input: {
  local: DataServices['local'];
  base: Parameters<DataServices['local']['getRecord']>[0]['base'];
  recordId: string;
  candidates: Candidate[];
}): Promise<(Candidate & { cell: unknown }) | undefined> {
  for (const candidate of input.candidates) {
    const record = await input.local
      .getRecord({ base: input.base, tableIdOrName: candidate.table.id, recordId: input.recordId, returnFieldsByFieldId: true })
      .catch((error: unknown) => {
        if (AppError.isInstance(error) && error.code === 'record.not_found') return undefined;
        throw error;
      });
    if (record) return { ...candidate, cell: record.fields[candidate.field.id] };
  }
  return undefined;
}
