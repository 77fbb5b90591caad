import { AppError } from '@tableport/contracts';
import type { BaseSchema, Caller, DataService, FieldSchema, TableSchema } from '../../data';

/** A table of a base with the base's schema (links resolve against the other tables). */
export interface TableInBase {
  schema: BaseSchema;
  table: TableSchema;
}

const lower = (text: string) => text.toLowerCase();

/** The table named by id, exact name or unique case-insensitive name. */
export function findTable(schema: BaseSchema, idOrName: string): TableSchema {
  const table =
    schema.tables.find((candidate) => candidate.id === idOrName || candidate.name === idOrName) ??
    schema.tables.find((candidate) => lower(candidate.name) === lower(idOrName));
  if (table) return table;
  const names = schema.tables.map((candidate) => candidate.name).join(', ');
  throw new AppError({
    code: 'table.not_found',
    message: `No table ${JSON.stringify(idOrName)} in this base. Its tables are: ${names}.`,
    details: { table: idOrName },
  });
}

/** The field named by id, exact name or unique case-insensitive name. */
export function findField(table: TableSchema, idOrName: string): FieldSchema {
  const field =
    table.fields.find((candidate) => candidate.id === idOrName || candidate.name === idOrName) ??
    table.fields.find((candidate) => lower(candidate.name) === lower(idOrName));
  if (field) return field;
  const names = table.fields.map((candidate) => candidate.name).join(', ');
  throw new AppError({
    code: 'field.unknown',
    message: `No field ${JSON.stringify(idOrName)} in table ${table.name}. Its fields are: ${names}.`,
    details: { field: idOrName },
  });
}

/** The table's primary field. */
export function primaryFieldOf(table: TableSchema): FieldSchema {
  return table.fields.find((field) => field.id === table.primaryFieldId) ?? table.fields[0]!;
}

/** Reads the base schema through the data service and finds the table. */
export async function loadTable(input: {
  data: DataService;
  caller: Caller;
  baseId: string;
  table: string;
}): Promise<TableInBase> {
  const schema = await input.data.getBaseSchema({ caller: input.caller, baseId: input.baseId });
  return { schema, table: findTable(schema, input.table) };
}

/** Like {@link loadTable}, or null when the caller may read records but not the schema. */
export async function loadTableIfAllowed(
  input: Parameters<typeof loadTable>[0],
): Promise<TableInBase | null> {
  try {
    return await loadTable(input);
  } catch (error) {
    if (AppError.isInstance(error) && error.code === 'auth.forbidden') return null;
    throw error;
  }
}
