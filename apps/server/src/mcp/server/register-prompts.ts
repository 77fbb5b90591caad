import type { McpServer, StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { PromptDefinition } from '../prompts/prompt.types';

/** Registers prompt templates; each renders to one user message. */
export function registerPrompts(server: McpServer, prompts: readonly PromptDefinition[]): void {
  for (const prompt of prompts) {
    server.registerPrompt(
      prompt.name,
      {
        title: prompt.title,
        description: prompt.description,
        argsSchema: prompt.args as unknown as StandardSchemaWithJSON<Record<string, string | undefined>>,
      },
      (args: Record<string, string | undefined>) => ({
        description: prompt.description,
        messages: [{ role: 'user', content: { type: 'text', text: prompt.message(args) } }],
      }),
    );
  }
}
