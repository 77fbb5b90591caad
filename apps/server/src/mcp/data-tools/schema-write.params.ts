import { fieldTypeSchema } from '@tableport/contracts';
import { z } from 'zod';
import { dry_run } from './tool.params';

/** A field to create. */
export const fieldConfig = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: fieldTypeSchema,
    description: z.string().max(20_000).optional(),
    options: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Airtable field options, e.g. {"choices": [{"name": "Done"}]} or {"precision": 0}'),
  })
  .strict();
/** Name and description changes, with a dry run. */
export const renamed = {
  name: z.string().trim().min(1).max(255).optional().describe('New name'),
  description: z.string().max(20_000).optional().describe('New description'),
  dry_run,
};
/** The changes the arguments ask for. */
export const changesOf = (args: { name?: string; description?: string }) => ({
  ...(args.name !== undefined ? { name: args.name } : {}),
  ...(args.description !== undefined ? { description: args.description } : {}),
});
/** True when the arguments change nothing. */
export const nothing = (args: { name?: string; description?: string }) =>
  args.name === undefined && args.description === undefined;
/** The output of a rename: before and after. */
export const schemaChange = z.object({
  dryRun: z.boolean(),
  id: z.string(),
  before: z.object({ name: z.string(), description: z.string().optional() }),
  after: z.object({ name: z.string(), description: z.string().optional() }),
});
/** The text form of a rename. */
export const changeText = (output: z.output<typeof schemaChange>) =>
  `${output.dryRun ? 'Dry run, would change' : 'Changed'} ${output.id}: ${JSON.stringify(output.before)} → ${JSON.stringify(output.after)}`;
