import { isFieldType, newId } from '@tableport/contracts';
import type { FieldConfig } from '../../data.types';
import { dateOptions, dateTimeOptions, invalidOptions, selectOptions } from '../fields/field-defaults';
import { bindFieldFormula, formulaWithIds, inferResult } from './formula.options';
import { findField, findTable, type BaseModel, type FieldModel, type TableModel } from './schema.model';

type Options = Record<string, unknown>;

/** What creating one field adds: the field, plus the inverse link field in the linked table. */
export interface NewFields {
  field: FieldModel;
  inverse?: FieldModel;
}

interface Input {
  config: FieldConfig;
  table: TableModel;
  base: BaseModel;
}

const DATE_TIME_RESULT = {
  type: 'dateTime',
  options: dateTimeOptions({ dateFormat: { name: 'iso' } }, 'result'),
};

/** Checks a new field's config and turns its options into Airtable's read format with defaults. */
export function newField(input: Input): NewFields {
  const { config, table } = input;
  if (!isFieldType(config.type) || config.type === 'manualSort') {
    throw invalidOptions(config.name, `unknown field type ${String(config.type)}`);
  }
  const field: FieldModel = {
    id: newId('fld'),
    tableId: table.id,
    name: config.name,
    type: config.type,
    description: config.description ?? null,
    options: null,
  };
  const options = (config.options ?? {}) as Options;
  if (config.type === 'multipleRecordLinks') return linkField(input, field, options);
  field.options = fieldOptions(input, field, options);
  return { field };
}

function fieldOptions(input: Input, field: FieldModel, options: Options): Options | null {
  const name = field.name;
  const int = (key: string, fallback: number, max: number) => {
    const value = options[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
      throw invalidOptions(name, `options.${key} must be an integer from 0 to ${max}`);
    }
    return value;
  };
  switch (field.type) {
    case 'number':
    case 'percent':
      return { precision: int('precision', 0, 8) };
    case 'currency':
      return { precision: int('precision', 2, 7), symbol: typeof options.symbol === 'string' ? options.symbol : '$' };
    case 'duration':
      return { durationFormat: pick(options.durationFormat, ['h:mm', 'h:mm:ss', 'h:mm:ss.S', 'h:mm:ss.SS', 'h:mm:ss.SSS'], name) };
    case 'rating': {
      const max = int('max', 5, 10);
      if (max < 1) throw invalidOptions(name, 'options.max must be from 1 to 10');
      return { icon: pick(options.icon, ['star', 'heart', 'thumbsUp', 'flag', 'dot'], name), color: str(options.color, 'yellowBright'), max };
    }
    case 'checkbox':
      return {
        icon: pick(options.icon, ['check', 'xCheckbox', 'star', 'heart', 'thumbsUp', 'flag', 'dot'], name),
        color: str(options.color, 'greenBright'),
      };
    case 'singleSelect':
    case 'multipleSelects':
    case 'externalSyncSource':
      return selectOptions(options, name);
    case 'date':
      return dateOptions(options, name);
    case 'dateTime':
      return dateTimeOptions(options, name);
    case 'multipleAttachments':
      return { isReversed: options.isReversed === true };
    case 'createdTime':
      return { result: DATE_TIME_RESULT };
    case 'lastModifiedTime':
      return lastModifiedOptions(input, options, name);
    case 'count':
      return { isValid: true, recordLinkFieldId: linkFieldOf(input, options.recordLinkFieldId, name).id };
    case 'multipleLookupValues':
    case 'rollup':
      return lookupOptions(input, field, options);
    case 'formula':
      return formulaOptions(input, options, name);
    case 'button':
      return { label: str(options.label, name), url: typeof options.url === 'string' ? options.url : null };
    case 'aiText':
      return Object.keys(options).length > 0 ? options : null;
    default:
      return null;
  }
}

const str = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);

function pick<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (value === undefined || value === null) return allowed[0]!;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidOptions(name, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function lastModifiedOptions(input: Input, options: Options, name: string): Options {
  const refs = Array.isArray(options.referencedFieldIds) ? (options.referencedFieldIds as unknown[]) : [];
  const ids = refs.map((ref) => {
    const found = typeof ref === 'string' ? findField(input.table, ref) : undefined;
    if (!found) throw invalidOptions(name, `options.referencedFieldIds: unknown field ${String(ref)}`);
    return found.id;
  });
  return { isValid: true, referencedFieldIds: ids, result: DATE_TIME_RESULT };
}

function linkFieldOf(input: Input, ref: unknown, name: string): FieldModel {
  const found = typeof ref === 'string' ? findField(input.table, ref) : undefined;
  if (!found || found.type !== 'multipleRecordLinks') {
    throw invalidOptions(name, 'options.recordLinkFieldId must name a link field of the table');
  }
  return found;
}

function lookupOptions(input: Input, field: FieldModel, options: Options): Options {
  const link = linkFieldOf(input, options.recordLinkFieldId, field.name);
  const linkedTable = input.base.tableById.get(link.options!.linkedTableId as string)!;
  const ref = options.fieldIdInLinkedTable;
  const target = typeof ref === 'string' ? findField(linkedTable, ref) : undefined;
  if (!target) throw invalidOptions(field.name, 'options.fieldIdInLinkedTable must name a field of the linked table');
  const looked = { type: target.type, ...(target.options ? { options: target.options } : {}) };
  const common = { isValid: true, recordLinkFieldId: link.id, fieldIdInLinkedTable: target.id };
  if (field.type === 'multipleLookupValues') return { ...common, result: looked };
  const numeric = ['number', 'currency', 'percent', 'duration', 'rating', 'count', 'autoNumber'].includes(target.type);
  const formula = str(options.formula, numeric ? 'SUM(values)' : 'ARRAYJOIN(values)');
  const valuesField: FieldModel = {
    id: 'values',
    tableId: input.table.id,
    name: 'values',
    type: 'multipleLookupValues',
    description: null,
    options: { isValid: true, result: looked },
  };
  const bound = bindFieldFormula({ formula, fields: [valuesField], name: field.name });
  return { ...common, referencedFieldIds: [target.id], formula, result: inferResult(bound.root) };
}

function formulaOptions(input: Input, options: Options, name: string): Options {
  if (typeof options.formula !== 'string' || options.formula.trim() === '') {
    throw invalidOptions(name, 'options.formula is required');
  }
  const bound = bindFieldFormula({ formula: options.formula, fields: input.table.fields, name });
  return {
    formula: formulaWithIds(bound),
    isValid: true,
    referencedFieldIds: [...new Set(bound.fields.map((ref) => ref.id))],
    result: inferResult(bound.root),
  };
}

function linkField(input: Input, field: FieldModel, options: Options): NewFields {
  const ref = options.linkedTableId;
  const linked = typeof ref === 'string' ? findTable(input.base, ref) : undefined;
  if (!linked) throw invalidOptions(field.name, 'options.linkedTableId must name a table of the base');
  const view = options.viewIdForRecordSelection;
  const common = {
    isReversed: false,
    prefersSingleRecordLink: options.prefersSingleRecordLink === true,
    ...(typeof view === 'string' ? { viewIdForRecordSelection: view } : {}),
  };
  if (linked.id === input.table.id) {
    field.options = { linkedTableId: linked.id, ...common };
    return { field };
  }
  const inverse: FieldModel = {
    id: newId('fld'),
    tableId: linked.id,
    name: uniqueName(linked, input.table.name),
    type: 'multipleRecordLinks',
    description: null,
    options: { linkedTableId: input.table.id, isReversed: false, prefersSingleRecordLink: false, inverseLinkFieldId: field.id },
  };
  field.options = { linkedTableId: linked.id, ...common, inverseLinkFieldId: inverse.id };
  return { field, inverse };
}

/** `name`, or `name 2`, `name 3`... when the table already has a field with that name. */
export function uniqueName(table: TableModel, name: string): string {
  const taken = new Set(table.fields.map((field) => field.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  let index = 2;
  while (taken.has(`${name} ${index}`.toLowerCase())) index++;
  return `${name} ${index}`;
}
