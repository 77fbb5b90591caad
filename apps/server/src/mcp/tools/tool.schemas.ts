import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { AnyToolDefinition } from './tool.types';

type Standard = StandardSchemaWithJSON['~standard'];
type Converter = Standard['jsonSchema'];

/** A converter that computes each JSON Schema once (zod recomputes it on every call). */
function memoised(converter: Converter): Converter {
  const cache = new Map<string, unknown>();
  const once = (kind: 'input' | 'output') => (options: Parameters<Converter['input']>[0]) => {
    const key = `${kind}:${JSON.stringify(options)}`;
    if (!cache.has(key)) cache.set(key, converter[kind](options));
    return cache.get(key) as ReturnType<Converter['input']>;
  };
  return { input: once('input'), output: once('output') };
}

/** A schema as the SDK sees it, with its JSON Schema computed once; `validate` may be replaced. */
function advertised(schema: z.ZodType, validate?: Standard['validate']): StandardSchemaWithJSON {
  const standard = (schema as unknown as StandardSchemaWithJSON)['~standard'];
  return {
    '~standard': {
      ...standard,
      jsonSchema: memoised(standard.jsonSchema),
      ...(validate ? { validate } : {}),
    },
  };
}

const perTool = new WeakMap<
  AnyToolDefinition,
  { input: StandardSchemaWithJSON; output: StandardSchemaWithJSON }
>();

/**
 * The schemas a tool registers with, built once per tool (each request builds a fresh server).
 * The input schema accepts any value: the tool wrapper parses the arguments with zod and answers
 * with an error the model can act on (our one error mapping), not the SDK's own message.
 */
export function registeredSchemas(tool: AnyToolDefinition): {
  input: StandardSchemaWithJSON;
  output: StandardSchemaWithJSON;
} {
  let schemas = perTool.get(tool);
  if (!schemas) {
    schemas = {
      input: advertised(tool.input, (value: unknown) => ({ value })),
      output: advertised(tool.output),
    };
    perTool.set(tool, schemas);
  }
  return schemas;
}
