import type { z } from 'zod';

/** A prompt template: string arguments in, one user message out. */
export interface PromptDefinition<
  Args extends Record<string, string | undefined> = Record<string, string | undefined>,
> {
  name: string;
  title: string;
  description: string;
  /** A `z.object` of optional or required strings (MCP prompt arguments are strings). */
  args: z.ZodType<Args>;
  message: (args: Args) => string;
}

/** Declares a prompt; `message` gets the arguments typed by the schema (the SDK has parsed them with it). */
export function definePrompt<Schema extends z.ZodType<Record<string, string | undefined>>>(
  definition: PromptDefinition<z.output<Schema>> & { args: Schema },
): PromptDefinition {
  return { ...definition, message: (args) => definition.message(args as z.output<Schema>) };
}
