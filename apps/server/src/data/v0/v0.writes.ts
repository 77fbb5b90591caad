import { AppError, isId } from '@tableport/contracts';
import type { FieldValues } from '../data.types';
import { isObject } from './v0.body';
import { booleanValue } from './v0.query';

/** Records per write request (Airtable's limit). */
export const MAX_RECORDS_PER_REQUEST = 10;

const UPDATE_SHAPE =
  'You must provide an array of up to 10 record objects, each with an "id" ID field and a "fields" object for cell values.';

/** `typecast` and `returnFieldsByFieldId` of a write body (JSON body only: Airtable ignores query typecast). */
export function writeFlags(body: Record<string, unknown>): { typecast: boolean; returnFieldsByFieldId: boolean } {
  return {
    typecast: booleanValue(body.typecast, 'typecast') ?? false,
    returnFieldsByFieldId: booleanValue(body.returnFieldsByFieldId, 'returnFieldsByFieldId') ?? false,
  };
}

function fieldsOf(value: unknown, message: string): FieldValues {
  if (!isObject(value)) throw new AppError({ code: 'records.invalid', message });
  return value;
}

/** The records of a create body: batch `{records:[{fields}]}` or single `{fields}`. */
export function createInput(body: Record<string, unknown>): { single: boolean; records: { fields: FieldValues }[] } {
  if (body.records === undefined) {
    if (body.fields === undefined) {
      throw new AppError({ code: 'records.missing_fields', message: 'Could not find field "fields" in the request body' });
    }
    return { single: true, records: [{ fields: fieldsOf(body.fields, 'fields must be an object of cell values') }] };
  }
  if (!Array.isArray(body.records) || body.records.length === 0) {
    throw new AppError({ code: 'records.invalid', message: 'records must be a non-empty array of {fields}' });
  }
  if (body.records.length > MAX_RECORDS_PER_REQUEST) {
    throw new AppError({
      code: 'records.too_many',
      message: `A maximum of 10 records can be created per request but you have provided ${body.records.length}.`,
    });
  }
  return {
    single: false,
    records: body.records.map((record: unknown) => ({
      fields: fieldsOf(isObject(record) ? record.fields : undefined, 'Each record needs a "fields" object'),
    })),
  };
}

/** The records of a batch update or upsert body; `id` is required unless upserting. */
export function updateInput(body: Record<string, unknown>, options: { upsert: boolean }): { id?: string; fields: FieldValues }[] {
  if (!Array.isArray(body.records) || body.records.length === 0) {
    if (body.records === undefined && body.fields === undefined) {
      throw new AppError({ code: 'records.missing_fields', message: 'Could not find field "records" in the request body' });
    }
    throw new AppError({ code: 'records.invalid', message: UPDATE_SHAPE });
  }
  if (body.records.length > MAX_RECORDS_PER_REQUEST) throw new AppError({ code: 'records.too_many', message: UPDATE_SHAPE });
  return body.records.map((record: unknown) => {
    if (!isObject(record) || !isObject(record.fields)) throw new AppError({ code: 'records.invalid', message: UPDATE_SHAPE });
    if (record.id === undefined && options.upsert) return { fields: record.fields };
    if (typeof record.id !== 'string') throw new AppError({ code: 'records.invalid', message: UPDATE_SHAPE });
    return { id: record.id, fields: record.fields };
  });
}

/** `performUpsert.fieldsToMergeOn`, or undefined for a plain update. */
export function upsertInput(body: Record<string, unknown>): string[] | undefined {
  if (body.performUpsert === undefined || body.performUpsert === null) return undefined;
  const merge = isObject(body.performUpsert) ? body.performUpsert.fieldsToMergeOn : undefined;
  if (!Array.isArray(merge) || merge.some((item) => typeof item !== 'string')) {
    throw new AppError({ code: 'upsert.invalid', message: 'performUpsert.fieldsToMergeOn must be an array of 1 to 3 field names or ids' });
  }
  return merge as string[];
}

/** The `records[]` of a batch delete (query only, at most 10). */
export function deleteInput(ids: string[] | undefined): string[] {
  if (!ids || ids.length === 0) throw new AppError({ code: 'records.invalid', message: 'Give the records to delete as records[]=rec...' });
  if (ids.length > MAX_RECORDS_PER_REQUEST) {
    throw new AppError({ code: 'records.too_many', message: `A maximum of 10 records can be deleted per request but you have provided ${ids.length}.` });
  }
  const bad = ids.find((id): boolean => !isId(id, 'rec'));
  if (bad !== undefined) {
    throw new AppError({ code: 'record.row_not_found', message: `Record ID ${bad} does not exist in this table`, details: { recordId: bad } });
  }
  return ids;
}
