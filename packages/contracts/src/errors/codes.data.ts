import { defineErrorCodes } from './error-spec';

const MODEL_NOT_FOUND = { type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', status: 403 } as const;
const INVALID_VALUE = { type: 'INVALID_VALUE_FOR_COLUMN', status: 422 } as const;
const UNKNOWN_REQUEST = { type: 'INVALID_REQUEST_UNKNOWN', status: 422 } as const;

/**
 * Codes of the data module: the store, the data service and the `/v0` API. The `airtable` entry is
 * what `/v0` answers (shared/airtable-api.md §2.9); unknown bases and tables are indistinguishable
 * from missing permissions there, as on Airtable.
 */
export const dataErrorCodes = defineErrorCodes({
  'base.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No base with that id, or the caller may not see it.',
    airtable: MODEL_NOT_FOUND,
  },
  'base.workspace_not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'The `workspaceId` of a new base names no workspace the caller may use.',
    airtable: MODEL_NOT_FOUND,
  },
  'table.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No table with that id or name in the base.',
    airtable: MODEL_NOT_FOUND,
  },
  'table.duplicate_name': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'Another table of the base has that name (names are unique, ignoring case), or the name is empty.',
    airtable: { type: 'DUPLICATE_OR_EMPTY_TABLE_NAME', status: 422 },
  },
  'field.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No field with that id in the table (metadata routes).',
    airtable: MODEL_NOT_FOUND,
  },
  'field.unknown': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'A field name or id in `fields`, `fields[]`, `sort` or `fieldsToMergeOn` names no field of the table.',
    airtable: { type: 'UNKNOWN_FIELD_NAME', status: 422 },
  },
  'field.computed': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'A write gave a value for a computed field (formula, rollup, lookup, count, autoNumber, ...).',
    airtable: INVALID_VALUE,
  },
  'field.duplicate_name': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'Another field of the table has that name (names are unique, ignoring case), or the name is empty.',
    airtable: { type: 'DUPLICATE_OR_EMPTY_FIELD_NAME', status: 422 },
  },
  'field.invalid_options': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A new field has an unknown type or options that do not fit it; the message says which.',
    airtable: UNKNOWN_REQUEST,
  },
  'field.type_immutable': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: "A field's type and options cannot be changed through the API; only name and description.",
    airtable: UNKNOWN_REQUEST,
  },
  'value.invalid': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'A cell value does not fit its field (wrong shape, unparseable, out of range); try `typecast`.',
    airtable: INVALID_VALUE,
  },
  'select.unknown_option': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A select value names no choice of the field; send `typecast: true` to create it.',
    airtable: { type: 'INVALID_MULTIPLE_CHOICE_OPTIONS', status: 422 },
  },
  'record.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No record with that id in the table (single-record routes).',
    airtable: { type: 'MODEL_ID_NOT_FOUND', status: 404 },
  },
  'record.row_not_found': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'A batch write or a link names a record id that does not exist in the table.',
    airtable: { type: 'ROW_DOES_NOT_EXIST', status: 422 },
  },
  'records.too_many': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'More than 10 records in one `/v0` write; split the batch.',
    airtable: { type: 'INVALID_RECORDS', status: 422 },
  },
  'records.invalid': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'The `records` array is empty or an element lacks `fields` (or `id` where one is required).',
    airtable: { type: 'INVALID_RECORDS', status: 422 },
  },
  'records.missing_fields': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'The body has neither `fields` nor `records`.',
    airtable: { type: 'INVALID_REQUEST_MISSING_FIELDS', status: 422 },
  },
  'upsert.invalid': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'performUpsert: bad `fieldsToMergeOn`, a record without a merge value, two records with the same new key, or a key matching several records.',
    airtable: UNKNOWN_REQUEST,
  },
  'view.not_found': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'No view with that name in the table.',
    airtable: { type: 'VIEW_NAME_NOT_FOUND', status: 422 },
  },
  'view.id_not_found': {
    status: 422,
    fault: 'user',
    retryable: false,
    description: 'No view with that id (`viw...`) in the table.',
    airtable: { type: 'VIEW_ID_NOT_FOUND', status: 422 },
  },
  'list.iterator_expired': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The `offset` is unknown, expired (10 minutes idle) or was made for other list parameters; start again without it.',
    airtable: { type: 'LIST_RECORDS_ITERATOR_NOT_AVAILABLE', status: 422 },
  },
  'change_set.not_found': {
    status: 404,
    fault: 'user',
    retryable: false,
    description: 'No change set with that id, or the caller may not see its base.',
    airtable: { type: 'MODEL_ID_NOT_FOUND', status: 404 },
  },
  'change_set.already_reverted': {
    status: 409,
    fault: 'user',
    retryable: false,
    description:
      'The change set was reverted before (its `revertedBy` names the change that did it); revert that one to redo.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 422 },
  },
  'change_set.conflict': {
    status: 409,
    fault: 'user',
    retryable: false,
    description:
      'Records of the change set were changed or deleted since; preview the revert (dry run) and revert with `force` to overwrite.',
    airtable: { type: 'INVALID_REQUEST_UNKNOWN', status: 422 },
  },
  'data.conflict': {
    status: 503,
    fault: 'operational',
    retryable: true,
    description: 'Concurrent writes kept colliding (deadlock or serialization failure) after retries; retry.',
    airtable: { type: 'RETRIABLE_ERROR', status: 503 },
  },
});
