import { AppError, isId } from '@tableport/contracts';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../gateway/gateway.types';
import type { BodyLimitOverride } from '../../gateway/middleware/limits';
import type { Database } from '../../infra/db';
import type { Authorizer } from '../../platform/authz/authz.types';
import { accessBase, type Caller } from '../data.access';
import type { BaseEntry, UploadFile } from '../data-source.types';
import type { DataServices } from '../data.module';
import type { RecordData } from '../data.types';
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
 * §2.11). On a local base it stores the file, appends it to the cell through the data service
 * (events, change set) and answers the record with only that field, keyed by field id; a connected
 * base's driver hands the file to Airtable's own upload, whose answer has that same shape.
 */
export function uploadRoutes(options: UploadDeps): V0Extension {
  return (app: Hono<AppEnv>) => {
    route(app, 'post', '/:baseId/:recordId/:field/uploadAttachment', async (c, { baseId }) => {
      const caller = v0Caller(c);
      const { data, local, airtable } = options.services();
      const upload = { recordId: c.req.param('recordId') ?? '', fieldRef: c.req.param('field') ?? '' };
      const drivers = { local, ...(airtable ? { airtable } : {}) };
      const { base, driver } = await accessBase({ db: options.db, authorizer: options.authorizer, drivers }, { caller, action: 'records.write', baseId });
      const parsed = uploadSchema.safeParse(await jsonBody(c));
      if (!parsed.success) throw invalid('An upload needs contentType, file (base64) and filename');
      const content = Buffer.from(parsed.data.file, 'base64');
      if (content.byteLength > MAX_UPLOAD_BYTES) {
        throw new AppError({ code: 'attachment.too_large', message: 'The file is larger than 5 MB', details: { limitBytes: MAX_UPLOAD_BYTES } });
      }
      const file = { filename: parsed.data.filename, contentType: parsed.data.contentType, content };
      const result = driver.uploadAttachment
        ? await data.uploadAttachment({ caller, baseId, recordId: upload.recordId, fieldIdOrName: upload.fieldRef, file })
        : await uploadToStore({ ...options, caller, base, ...upload, file });
      if (result.changeSetId) c.header('x-tableport-change-set', result.changeSetId);
      return c.json(result.record);
    });
  };
}

/** What the upload route is built from. */
interface UploadDeps {
  db: Database;
  authorizer: Authorizer;
  services: () => DataServices;
  store: LocalAttachmentStore;
}

/** A local base's upload: the file kept in Tableport's store, its URL appended to the cell. */
async function uploadToStore(input: UploadDeps & {
  caller: Caller;
  base: BaseEntry;
  recordId: string;
  fieldRef: string;
  file: UploadFile;
}): Promise<{ record: RecordData; changeSetId: string | null }> {
  const { data, local } = input.services();
  const { base, recordId, fieldRef } = input;
  const schema = await local.getBaseSchema({ base });
  const candidates = schema.tables.flatMap((table) =>
    table.fields.filter((field) => field.id === fieldRef || field.name === fieldRef).map((field) => ({ table, field })),
  );
  if (candidates.length === 0) throw new AppError({ code: 'field.unknown', message: `Unknown field name: "${fieldRef}"` });
  const target = isId(recordId, 'rec') ? await findRecord({ local, base, recordId, candidates }) : undefined;
  if (!target) throw new AppError({ code: 'record.not_found', message: 'Record not found', details: { recordId } });
  if (target.field.type !== 'multipleAttachments') throw invalid(`Field "${target.field.name}" is not an attachment field`);
  const file = await input.store.save({ filename: input.file.filename, type: input.file.contentType, content: input.file.content });
  const kept = Array.isArray(target.cell) ? (target.cell as { id: string }[]).map((item) => ({ id: item.id })) : [];
  const result = await data.updateRecords({
    caller: input.caller,
    baseId: base.id,
    tableIdOrName: target.table.id,
    records: [{ id: recordId, fields: { [target.field.id]: [...kept, { url: input.store.urlOf(file), filename: file.filename }] } }],
    mode: 'merge',
    returnFieldsByFieldId: true,
  });
  const record = result.records[0]!;
  const cell = record.fields[target.field.id] ?? [];
  return { record: { id: record.id, createdTime: record.createdTime, fields: { [target.field.id]: cell } }, changeSetId: result.changeSetId };
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
