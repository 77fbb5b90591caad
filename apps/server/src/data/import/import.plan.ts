import type { AirtableBaseSchema, AirtableField, AirtableTable } from '@tableport/airtable';
import { isComputedFieldType, isFieldType } from '@tableport/contracts';
import type { FieldConfig, TableConfig } from '../data.types';

/** A field the import could not recreate, and why. */
export interface Skipped {
  table: string;
  field: string;
  reason: string;
}

/** How a base is rebuilt: plain fields with the tables, then links, then computed fields in dependency order. */
export interface ImportPlan {
  tables: { source: AirtableTable; config: TableConfig; primaryAsText: boolean }[];
  /** One per link pair: the field to create; the other side is the inverse the store creates. */
  links: { table: AirtableTable; field: AirtableField; inverse: AirtableField | undefined }[];
  computed: { table: AirtableTable; field: AirtableField }[];
  skipped: Skipped[];
}

const isLink = (field: AirtableField) => field.type === 'multipleRecordLinks';
const isPlain = (field: AirtableField) => isFieldType(field.type) && !isComputedFieldType(field.type) && !isLink(field);
const options = (field: AirtableField): Record<string, unknown> => field.options ?? {};

/** A plain field's options in Airtable's write format (select choices lose their ids). */
export function writeOptions(field: AirtableField): Record<string, unknown> | undefined {
  const source = field.options ?? undefined;
  if (!source) return undefined;
  if (field.type === 'singleSelect' || field.type === 'multipleSelects') {
    const choices = (source.choices ?? []) as { name: string; color?: string }[];
    return { choices: choices.map(({ name, color }) => ({ name, ...(color ? { color } : {}) })) };
  }
  return source;
}

function plainConfig(field: AirtableField): FieldConfig {
  const written = writeOptions(field);
  return { name: field.name, type: field.type as FieldConfig['type'], ...(field.description ? { description: field.description } : {}), ...(written ? { options: written } : {}) };
}

/** The fields a computed field needs to exist first. */
export function dependenciesOf(field: AirtableField): string[] {
  const source = options(field);
  const ids = [source.recordLinkFieldId, source.fieldIdInLinkedTable, ...((source.referencedFieldIds as unknown[] | undefined) ?? [])];
  return ids.filter((id): id is string => typeof id === 'string');
}

/** Plans the import of a schema. A computed or link primary field becomes text (its values are copied as text). */
export function planImport(schema: AirtableBaseSchema): ImportPlan {
  const plan: ImportPlan = { tables: [], links: [], computed: [], skipped: [] };
  const created = new Set<string>();
  const linkDone = new Set<string>();
  for (const table of schema.tables) {
    const primary = table.fields.find((field) => field.id === table.primaryFieldId) ?? table.fields[0]!;
    const primaryAsText = !isPlain(primary);
    const rest = table.fields.filter((field) => field !== primary && isPlain(field));
    const first: FieldConfig = primaryAsText ? { name: primary.name, type: 'singleLineText' } : plainConfig(primary);
    plan.tables.push({ source: table, config: { name: table.name, ...(table.description ? { description: table.description } : {}), fields: [first, ...rest.map(plainConfig)] }, primaryAsText });
    for (const field of [primary, ...rest]) created.add(field.id);
    for (const field of table.fields) if (!isFieldType(field.type) && field !== primary) plan.skipped.push({ table: table.name, field: field.name, reason: `unknown field type ${field.type}` });
  }
  for (const table of schema.tables) {
    for (const field of table.fields.filter(isLink)) {
      if (field.id === table.primaryFieldId || linkDone.has(field.id)) continue;
      const inverseId = options(field).inverseLinkFieldId as string | undefined;
      const linkedTable = schema.tables.find((candidate) => candidate.id === options(field).linkedTableId);
      const inverse = inverseId ? linkedTable?.fields.find((candidate) => candidate.id === inverseId) : undefined;
      if (!linkedTable) {
        plan.skipped.push({ table: table.name, field: field.name, reason: 'links to a table outside the base' });
        continue;
      }
      plan.links.push({ table, field, inverse: inverse && inverse.id !== linkedTable.primaryFieldId ? inverse : undefined });
      for (const id of [field.id, inverse?.id]) {
        if (!id) continue;
        linkDone.add(id);
        created.add(id);
      }
    }
  }
  orderComputed(schema, plan, created);
  return plan;
}

function orderComputed(schema: AirtableBaseSchema, plan: ImportPlan, created: Set<string>): void {
  let pending = schema.tables.flatMap((table) =>
    table.fields.filter((field) => isFieldType(field.type) && isComputedFieldType(field.type) && field.id !== table.primaryFieldId).map((field) => ({ table, field })),
  );
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    for (const item of [...pending]) {
      if (!dependenciesOf(item.field).every((id) => created.has(id))) continue;
      plan.computed.push(item);
      created.add(item.field.id);
      pending = pending.filter((other) => other !== item);
      progress = true;
    }
  }
  for (const item of pending) plan.skipped.push({ table: item.table.name, field: item.field.name, reason: 'depends on a field that could not be recreated' });
}
