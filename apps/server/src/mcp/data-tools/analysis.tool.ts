import { z } from 'zod';
import type { FieldSchema, RecordData } from '../../data';
import { defineTool } from '../tools/tool.types';
import { displayText } from './records.compact';
import { scanRecords } from './records.scan';
import { loadTable } from './schema.lookup';
import type { DataToolDeps } from './tool.deps';
import { base_id, callerOf, table_id } from './tool.params';

const fieldStats = z.object({
  type: z.string(),
  fill_rate: z.number(),
  filled_count: z.number().int(),
  empty_count: z.number().int(),
  avg: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  avg_length: z.number().optional(),
  unique_count: z.number().int().optional(),
  top_values: z.array(z.object({ value: z.string(), count: z.number().int() })).optional(),
});
type FieldStats = z.output<typeof fieldStats>;

const round = (value: number) => Math.round(value * 100) / 100;
const filled = (value: unknown) =>
  !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));

function statsOf(field: FieldSchema, records: readonly RecordData[]): FieldStats {
  const values = records.map((record) => record.fields[field.name]).filter(filled);
  const stats: FieldStats = {
    type: field.type,
    fill_rate: records.length ? round(values.length / records.length) : 0,
    filled_count: values.length,
    empty_count: records.length - values.length,
  };
  const numbers = values.filter((value): value is number => typeof value === 'number');
  if (numbers.length > 0 && numbers.length === values.length) {
    Object.assign(stats, {
      avg: round(numbers.reduce((sum, n) => sum + n, 0) / numbers.length),
      min: Math.min(...numbers),
      max: Math.max(...numbers),
    });
    return stats;
  }
  const texts = values.flatMap((value) =>
    Array.isArray(value) ? value.map(displayText) : [displayText(value)],
  );
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  stats.unique_count = counts.size;
  if (texts.length)
    stats.avg_length = round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  if (counts.size <= Math.max(20, texts.length / 2))
    stats.top_values = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([value, count]) => ({ value: value.slice(0, 80), count }));
  return stats;
}

function insights(stats: Record<string, FieldStats>): string[] {
  return Object.entries(stats).flatMap(([name, field]) => {
    if (field.filled_count === 0) return [`${name} is empty in every record analysed: unused?`];
    if (field.fill_rate < 0.5)
      return [`${name} is filled in only ${Math.round(field.fill_rate * 100)}% of records.`];
    if (field.fill_rate === 1) return [`${name} is always filled.`];
    return [];
  });
}

/** analyze_table_data (original tool 11): fill rates, ranges, distinct values and data-quality hints. */
export function analyzeTableTool(deps: DataToolDeps) {
  return defineTool({
    name: 'analyze_table_data',
    title: 'Analyse table data',
    description:
      'Profile a table from a sample of records: per field the fill rate, numeric range and average, text length, distinct and most common values, plus data-quality insights.',
    input: z
      .object({
        base_id,
        table_id,
        sample_size: z.number().int().min(1).max(1000).default(100).describe('Records to analyse (1-1000)'),
      })
      .strict(),
    output: z.object({
      table_name: z.string(),
      analysis_summary: z.object({
        records_analyzed: z.number().int(),
        total_fields: z.number().int(),
        avg_fill_rate: z.number(),
        whole_table: z.boolean(),
      }),
      field_analysis: z.record(z.string(), fieldStats),
      data_quality_insights: z.array(z.string()),
    }),
    kind: 'read',
    action: 'records.read',
    resource: (args) => ({ baseId: args.base_id, tableId: args.table_id }),
    run: async (args, context) => {
      const caller = callerOf(context);
      const { table } = await loadTable({
        data: deps.data,
        caller,
        baseId: args.base_id,
        table: args.table_id,
      });
      const { records, complete } = await scanRecords({
        data: deps.data,
        caller,
        list: { baseId: args.base_id, tableIdOrName: table.id },
        max: args.sample_size,
      });
      const field_analysis = Object.fromEntries(
        table.fields.map((field) => [field.name, statsOf(field, records)]),
      );
      const rates = Object.values(field_analysis).map((stats) => stats.fill_rate);
      return {
        table_name: table.name,
        analysis_summary: {
          records_analyzed: records.length,
          total_fields: table.fields.length,
          avg_fill_rate: rates.length ? round(rates.reduce((a, b) => a + b, 0) / rates.length) : 0,
          whole_table: complete,
        },
        field_analysis,
        data_quality_insights: insights(field_analysis),
      };
    },
  });
}
