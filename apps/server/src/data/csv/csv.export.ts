import type { Caller, DataService } from '../data.service';
import type { TableSchema } from '../data.types';
import { toCsv } from './csv.format';

/** What to export: a table, optionally narrowed like a list call; cells are rendered as strings. */
export interface CsvExportOptions {
  caller: Caller;
  baseId: string;
  tableIdOrName: string;
  view?: string;
  /** Field names or ids, in the order wanted; default: the view's visible fields, else every field. */
  fields?: readonly string[];
  filterByFormula?: string;
  /** For dates and numbers rendered as text (default `utc`, `en-us`). */
  timeZone?: string;
  userLocale?: string;
}

/** A table's table schema (id, then exact name). */
export function tableOf(tables: readonly TableSchema[], idOrName: string): TableSchema | undefined {
  return tables.find((table) => table.id === idOrName) ?? tables.find((table) => table.name === idOrName);
}

function columnsOf(table: TableSchema, options: CsvExportOptions): { id: string; name: string }[] {
  const byRef = (ref: string) => table.fields.find((field) => field.id === ref || field.name === ref);
  if (options.fields) return options.fields.map((ref) => byRef(ref) ?? { id: ref, name: ref });
  const view = options.view ? table.views.find((candidate) => candidate.id === options.view || candidate.name === options.view) : undefined;
  const visible = view?.visibleFieldIds;
  return visible ? table.fields.filter((field) => visible.includes(field.id)) : table.fields;
}

/**
 * A table as RFC 4180 CSV: a header of field names, then one line per record in list order, every
 * cell as Airtable's `cellFormat=string` renders it (dates, numbers, links as primary values).
 */
export async function exportTableCsv(data: DataService, options: CsvExportOptions): Promise<{ csv: string; rows: number }> {
  const { caller, baseId } = options;
  const schema = await data.getBaseSchema({ caller, baseId, includeVisibleFieldIds: true });
  const table = tableOf(schema.tables, options.tableIdOrName);
  const columns = table ? columnsOf(table, options) : (options.fields ?? []).map((name) => ({ id: name, name }));
  const lines: string[][] = [columns.map((column) => column.name)];
  let offset: string | undefined;
  do {
    const page = await data.listRecords({
      caller,
      baseId,
      tableIdOrName: table?.id ?? options.tableIdOrName,
      cellFormat: 'string',
      timeZone: options.timeZone ?? 'utc',
      userLocale: options.userLocale ?? 'en-us',
      returnFieldsByFieldId: true,
      fields: columns.map((column) => column.id),
      pageSize: 100,
      ...(options.view ? { view: options.view } : {}),
      ...(options.filterByFormula ? { filterByFormula: options.filterByFormula } : {}),
      ...(offset ? { offset } : {}),
    });
    for (const record of page.records) lines.push(columns.map((column) => cellText(record.fields[column.id])));
    offset = page.offset;
  } while (offset);
  return { csv: toCsv(lines), rows: lines.length - 1 };
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
