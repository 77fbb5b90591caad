import type { RecordData, RecordPage } from '../../data.types';
import { cellString } from '../fields/cell.string';
import { normalZone } from '../fields/zone.time';
import type { BaseModel, FieldModel, TableModel } from '../schema/schema.model';
import type { SqlExecutor } from '../../../infra/db';
import type { RecordRow } from './record.row';
import { linkedDataFor } from './records.linked';
import { volatileOverride } from './records.volatile';
import type { Evaluators } from '../compute/compute.values';
import { toRecordData, type RecordShape } from './records.format';

/** Counts comments per record (the comments issue provides it; until then every count is 0). */
export interface CommentCounter {
  count(options: { tableId: string; recordIds: readonly string[] }): Promise<Map<string, number>>;
}

/** What presenting a page needs from the driver. */
export interface PageDeps {
  comments: CommentCounter;
  evaluators: Evaluators;
}

interface PresentCall {
  db: SqlExecutor;
  deps: PageDeps;
  base: BaseModel;
  table: TableModel;
  options: {
    cellFormat?: 'json' | 'string';
    timeZone?: string;
    userLocale?: string;
    returnFieldsByFieldId?: boolean;
    recordMetadata?: readonly string[];
  };
}

/** Rows as records in the requested shape, with commentCount when asked for. */
export async function presentRecords(call: PresentCall, fields: readonly FieldModel[] | undefined, rows: readonly RecordRow[]): Promise<RecordData[]> {
  const shape: RecordShape = { byFieldId: call.options.returnFieldsByFieldId === true, ...(fields ? { fields } : {}) };
  const override = await volatileOverride(call.db, { base: call.base, table: call.table, rows, evaluators: call.deps.evaluators });
  if (override) shape.override = override;
  if (call.options.cellFormat === 'string') shape.render = await stringRenderer(call, rows);
  const records = rows.map((row) => toRecordData(row, call.table, shape));
  if (call.options.recordMetadata?.includes('commentCount')) {
    const counts = await call.deps.comments.count({ tableId: call.table.id, recordIds: rows.map((row) => row.id) });
    for (const record of records) record.commentCount = counts.get(record.id) ?? 0;
  }
  return records;
}

/** A page of a list call. */
export async function presentPage(
  call: PresentCall,
  input: { fields: FieldModel[] | undefined },
  rows: readonly RecordRow[],
  offset: string | undefined,
): Promise<RecordPage> {
  const records = await presentRecords(call, input.fields, rows);
  return offset ? { records, offset } : { records };
}

async function stringRenderer(call: PresentCall, rows: readonly RecordRow[]): Promise<RecordShape['render']> {
  const linked = await linkedDataFor(call.db, { base: call.base, table: call.table, rows });
  const names = new Map<string, string>();
  for (const records of linked.values()) for (const [id, record] of records) names.set(id, record.primaryText);
  const context = {
    locale: call.options.userLocale ?? 'en-us',
    timeZone: normalZone(call.options.timeZone),
    linkName: (id: string) => names.get(id) ?? id,
  };
  return (field, cell) => cellString({ type: field.type, fieldOptions: field.options, cell, context });
}
