import { AppError, isComputedFieldType, type FieldSchema } from '@tableport/contracts';
import type { Caller, DataService } from '../data.service';
import { createInBatches } from '../import/batch.create';
import { tableOf } from './csv.export';
import { parseCsv } from './csv.format';

/** What to import: CSV text whose header names the fields. */
export interface CsvImportOptions {
  caller: Caller;
  baseId: string;
  tableIdOrName: string;
  csv: string;
  /** Create a single line text field for each header name the table lacks (default: ignore those columns). */
  createFields?: boolean;
  /** Convert text to each field's type (default true; without it only text fields take CSV values). */
  typecast?: boolean;
}

/** What an import did; `row` is the line of the record in the file (the header is line 1). */
export interface CsvImportReport {
  created: number;
  createdFields: string[];
  ignoredColumns: string[];
  rejected: { row: number; code: string; message: string }[];
}

const BATCH = 50;
const invalid = (message: string) => new AppError({ code: 'csv.invalid', message });

function checkHeader(header: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of header) {
    const key = name.trim().toLowerCase();
    if (key === '') throw invalid('A column of the header has no name');
    if (seen.has(key)) throw invalid(`The header names "${name}" twice`);
    seen.add(key);
  }
}

/**
 * Imports CSV rows as new records through the data service (typecast, batches of 50). A batch that
 * fails is retried row by row, so one bad row is reported, not the whole batch lost.
 */
export async function importTableCsv(data: DataService, options: CsvImportOptions): Promise<CsvImportReport> {
  const [header, ...rows] = parseCsv(options.csv);
  if (!header) throw invalid('The CSV has no header row');
  checkHeader(header);
  const { caller, baseId } = options;
  const table = tableOf((await data.getBaseSchema({ caller, baseId })).tables, options.tableIdOrName);
  if (!table) throw new AppError({ code: 'table.not_found', message: `Could not find table ${options.tableIdOrName}` });
  const fieldOf = (name: string) => table.fields.find((field) => field.name === name) ?? table.fields.find((field) => field.name.toLowerCase() === name.trim().toLowerCase());
  const report: CsvImportReport = { created: 0, createdFields: [], ignoredColumns: [], rejected: [] };
  const columns: (FieldSchema | undefined)[] = [];
  for (const name of header) {
    let field = fieldOf(name);
    if (!field && options.createFields) {
      field = await data.createField({ caller, baseId, tableIdOrName: table.id, field: { name: name.trim(), type: 'singleLineText' } });
      report.createdFields.push(field.name);
    }
    const usable = field && !isComputedFieldType(field.type);
    if (!usable) report.ignoredColumns.push(name);
    columns.push(usable ? field : undefined);
  }
  const records: { row: number; fields: Record<string, string> }[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell === '')) return;
    if (cells.length > header.length) {
      report.rejected.push({ row, code: 'csv.invalid', message: `The row has ${cells.length} fields; the header has ${header.length}` });
      return;
    }
    const fields: Record<string, string> = {};
    cells.forEach((cell, column) => {
      const field = columns[column];
      if (field && cell !== '') fields[field.id] = cell;
    });
    records.push({ row, fields });
  });
  const ids = await createInBatches({
    items: records,
    size: BATCH,
    create: async (batch) => {
      const fields = batch.map((record) => ({ fields: record.fields }));
      const written = await data.createRecords({ caller, baseId, tableIdOrName: table.id, records: fields, typecast: options.typecast ?? true });
      return written.records.map((record) => record.id);
    },
    rejected: (record, error) => report.rejected.push({ row: record.row, code: error.code, message: error.message }),
  });
  report.created = ids.filter(Boolean).length;
  report.rejected.sort((a, b) => a.row - b.row);
  return report;
}
