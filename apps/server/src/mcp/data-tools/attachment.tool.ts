import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { Caller } from '../../data';
import { defineTool } from '../tools/tool.types';
import { findField, loadTable, type TableInBase } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, record_id, table_id } from './tool.params';
import { appliedOutput } from './write.result';
import { writeOutputSchema, writeText } from './write.output';

/** Largest upload (Airtable's limit for uploadAttachment). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const input = z
  .object({
    base_id,
    table_id,
    record_id,
    field: z.string().min(1).describe('The attachment field (name or id)'),
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('A public http(s) URL to attach'),
    base64: z
      .string()
      .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4)
      .optional()
      .describe('The file content, base64 (up to 5 MB)'),
    filename: z.string().trim().min(1).max(255).optional().describe('Needed with base64'),
    content_type: z.string().min(3).max(255).optional().describe('MIME type, e.g. image/png'),
  })
  .strict()
  .superRefine((args, context) => {
    if ((args.url === undefined) === (args.base64 === undefined))
      context.addIssue({ code: 'custom', message: 'give either url or base64' });
    if (args.base64 !== undefined && !args.filename)
      context.addIssue({ code: 'custom', path: ['filename'], message: 'a base64 upload needs a filename' });
  });

/** upload_attachment: adds a file (from a URL, or base64 content) to a record's attachment field, keeping the others. */
export function uploadAttachmentTool(deps: DataToolDeps) {
  return defineTool({
    name: 'upload_attachment',
    title: 'Upload an attachment',
    description:
      'Add a file to an attachment field of a record, after the files already there: from a public URL, or as base64 content (up to 5 MB) with a filename. Returns the record and the change set.',
    input,
    output: writeOutputSchema,
    kind: 'write',
    openWorld: true,
    action: 'records.write',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const found = await loadTable({ data: deps.data, caller, baseId: args.base_id, table: args.table_id });
      const field = findField(found.table, args.field);
      if (field.type !== 'multipleAttachments')
        throw new AppError({
          code: 'mcp.invalid_arguments',
          message: `Field ${field.name} is a ${field.type} field, not an attachment field.`,
        });
      if (
        args.base64 !== undefined &&
        (await deps.data.describeBase({ caller, baseId: args.base_id })).driver !== 'local'
      )
        return uploadThroughDriver({ deps, caller, args, found, fieldId: field.id });
      const record = await deps.data.getRecord({
        caller,
        baseId: args.base_id,
        tableIdOrName: found.table.id,
        recordId: args.record_id,
        returnFieldsByFieldId: true,
      });
      const kept = ((record.fields[field.id] as { id: string }[] | undefined) ?? []).map((item) => ({
        id: item.id,
      }));
      const added = args.url
        ? { url: args.url, ...(args.filename ? { filename: args.filename } : {}) }
        : await upload(deps, args);
      const written = await deps.data.updateRecords({
        caller,
        baseId: args.base_id,
        tableIdOrName: found.table.id,
        records: [{ id: args.record_id, fields: { [field.id]: [...kept, added] } }],
        mode: 'merge',
      });
      return appliedOutput({
        data: deps.data,
        caller,
        baseId: args.base_id,
        found,
        records: written.records,
        changeSetIds: [written.changeSetId],
      });
    },
    text: writeText,
  });
}

/**
 * base64 on a connected base: the driver hands the file to Airtable's own upload (Tableport's file
 * store serves files at an address Airtable cannot reach), then the record is read for the answer,
 * which shows it whole, as on a local base.
 */
async function uploadThroughDriver(call: {
  deps: DataToolDeps;
  caller: Caller;
  args: z.output<typeof input>;
  found: TableInBase;
  fieldId: string;
}) {
  const { deps, caller, args, found } = call;
  const written = await deps.data.uploadAttachment({
    caller,
    baseId: args.base_id,
    recordId: args.record_id,
    fieldIdOrName: call.fieldId,
    file: {
      filename: args.filename!,
      contentType: args.content_type ?? 'application/octet-stream',
      content: decoded(args.base64!),
    },
  });
  const record = await deps.data.getRecord({
    caller,
    baseId: args.base_id,
    tableIdOrName: found.table.id,
    recordId: written.record.id,
  });
  return appliedOutput({
    data: deps.data,
    caller,
    baseId: args.base_id,
    found,
    records: [record],
    changeSetIds: [written.changeSetId],
  });
}

/** The bytes of a base64 upload, 1 byte to 5 MB. */
function decoded(base64: string): Buffer {
  const content = Buffer.from(base64, 'base64');
  if (content.byteLength === 0 || content.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError({ code: 'mcp.invalid_arguments', message: 'base64 must decode to 1 byte to 5 MB.' });
  return content;
}

async function upload(deps: DataToolDeps, args: z.output<typeof input>) {
  if (!deps.uploads)
    throw new AppError({
      code: 'mcp.invalid_arguments',
      message: 'This server takes attachments by url only; put the file at a public URL.',
    });
  return deps.uploads.upload({
    filename: args.filename!,
    type: args.content_type ?? 'application/octet-stream',
    content: decoded(args.base64!),
  });
}
