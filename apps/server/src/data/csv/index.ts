export { createCsvService, type CsvService, type CsvExportOptions, type CsvImportOptions, type CsvImportReport } from './csv.service';
export { createCsvModule } from './csv.module';
export { parseCsv, toCsv } from './csv.format';
