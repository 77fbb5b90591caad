import type { DataService } from '../data.service';
import { exportTableCsv, type CsvExportOptions } from './csv.export';
import { importTableCsv, type CsvImportOptions, type CsvImportReport } from './csv.import';

/** CSV in and out of a table, on the data service (so permissions, typecast, events and change sets apply). */
export interface CsvService {
  /** A table as RFC 4180 CSV (the MCP `export_table_csv` tool and `GET /api/v1/.../csv`). */
  exportTableCsv(options: CsvExportOptions): Promise<{ csv: string; rows: number }>;
  /** CSV rows as new records, with a report of rejected rows. */
  importTableCsv(options: CsvImportOptions): Promise<CsvImportReport>;
}

/** Builds the CSV service. */
export function createCsvService(options: { data: DataService }): CsvService {
  return {
    exportTableCsv: (call) => exportTableCsv(options.data, call),
    importTableCsv: (call) => importTableCsv(options.data, call),
  };
}

export type { CsvExportOptions, CsvImportOptions, CsvImportReport };
