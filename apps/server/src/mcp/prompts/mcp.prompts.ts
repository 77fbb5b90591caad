import { z } from 'zod';
import { definePrompt, type PromptDefinition } from './prompt.types';

const base_id = z.string().describe('The base id (app…) or name');
const table_id = z.string().describe('The table id (tbl…) or name');

const analyzeTable = definePrompt({
  name: 'analyze_table',
  title: 'Analyse a table',
  description:
    'Walk through a table: its fields, how full they are, value distributions and data-quality issues.',
  args: z.object({ base_id, table_id, focus: z.string().optional().describe('What to pay attention to') }),
  message: ({ base_id, table_id, focus }) =>
    [
      `Analyse the table ${table_id} in base ${base_id}.`,
      '1. Call describe_table (detail_level "full") to learn its fields and their types.',
      '2. Call analyze_table_data for fill rates, value ranges and distinct values per field.',
      '3. Where a finding needs examples, call get_records with `fields` limited to the fields involved and a small page_size.',
      'Report: what the table is for, the important fields, fields that are mostly empty or unused, suspicious values, and concrete suggestions.',
      focus ? `Pay particular attention to: ${focus}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
});

const findDuplicates = definePrompt({
  name: 'find_duplicates',
  title: 'Find duplicate records',
  description:
    'Find records that repeat the same values in chosen fields, and propose what to merge or delete.',
  args: z.object({
    base_id,
    table_id,
    fields: z.string().optional().describe('Comma-separated field names that identify a duplicate'),
  }),
  message: ({ base_id, table_id, fields }) =>
    [
      `Find duplicate records in the table ${table_id} of base ${base_id}.`,
      fields
        ? `Records count as duplicates when these fields match: ${fields}.`
        : 'First call describe_table and choose the fields that identify a record (a name, an email, a code).',
      'Call find_duplicates with those fields (ignore_empty true). For each group, show the records side by side with get_record when details matter.',
      'Propose which record to keep in each group and why. Change nothing until the user agrees; then use delete_records with dry_run first.',
    ].join('\n'),
});

const buildFilter = definePrompt({
  name: 'build_filter',
  title: 'Build a filter',
  description:
    'Turn a question in plain words into a structured filter for get_records, and check it on real records.',
  args: z.object({
    base_id,
    table_id,
    question: z.string().describe('Which records you want, in plain words'),
  }),
  message: ({ base_id, table_id, question }) =>
    [
      `Build a filter on the table ${table_id} of base ${base_id} for: "${question}".`,
      '1. Call describe_table to get the exact field names and types (select options, date fields).',
      '2. Write a structured `filter`: {"field": "<name>", "op": "=" | "!=" | "<" | ">" | "<=" | ">=" | "contains" | "not_contains" | "is_empty" | "is_not_empty", "value": ...}, combined with {"and": [...]}, {"or": [...]} and {"not": {...}}.',
      '3. Call get_records with that filter, the few fields that show it works, and page_size 5. Check the results and the total.',
      '4. Give the user the filter and, for use in Airtable, the equivalent filterByFormula text.',
    ].join('\n'),
});

/** The prompts every client sees, in a fixed order. */
export const MCP_PROMPTS: readonly PromptDefinition[] = [analyzeTable, buildFilter, findDuplicates];
