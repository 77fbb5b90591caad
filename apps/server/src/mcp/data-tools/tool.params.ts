import { z } from 'zod';
import type { Caller } from '../../data';
import type { ToolContext } from '../tools/tool.types';

/** The parameters the 14 original tools named, with the checks and words a model can act on. */
export const base_id = z
  .string()
  .regex(/^app[A-Za-z0-9]{14}$/, 'expected a base id like "appXXXXXXXXXXXXXX" (call list_bases)')
  .describe('The base id (app…), from list_bases');

/** A table by id (tbl…) or exact name. */
export const table_id = z
  .string()
  .min(1, 'expected a table id (tbl…) or name (call list_tables)')
  .max(255)
  .describe('The table id (tbl…) or its exact name, from list_tables');

/** A record id. */
export const record_id = z
  .string()
  .regex(/^rec[A-Za-z0-9]{14}$/, 'expected a record id like "recXXXXXXXXXXXXXX"')
  .describe('The record id (rec…)');

/** Field projection: names or ids. */
export const fieldNames = z
  .array(z.string().min(1))
  .min(1)
  .max(200)
  .describe('Only these fields (names or fld… ids, as describe_table shows them); omit for all');

/** Cells to write, keyed by field name or id. */
export const cells = z
  .record(z.string().min(1), z.unknown())
  .describe(
    'Cells keyed by field name or id. Selects take option names, links take record ids, attachments take [{url}].',
  );

/** `typecast` as Airtable defines it. */
export const typecast = z
  .boolean()
  .default(false)
  .describe('Convert strings to the field types and create missing select options');

/** Every destructive tool can preview its change as a diff before applying it. */
export const dry_run = z
  .boolean()
  .default(false)
  .describe('true: change nothing and return the diff this call would make; false (default): apply it');

/** The data service caller of a tool call (channel `mcp`). */
export const callerOf = (context: ToolContext): Caller => ({ principal: context.principal, channel: 'mcp' });
