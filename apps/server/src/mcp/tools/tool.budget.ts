import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { AnyToolDefinition } from './tool.types';

/** A tool result as the wrapper sends it: the structured output and its compact text form. */
export interface RenderedOutput {
  output: unknown;
  text: string;
}

const encoder = new TextEncoder();
const sizeOf = (rendered: RenderedOutput) =>
  Math.max(encoder.encode(rendered.text).length, encoder.encode(JSON.stringify(rendered.output)).length);

const tooLarge = (tool: string, bytes: number, budgetBytes: number) =>
  new AppError({
    code: 'mcp.result_too_large',
    message: `The result of ${tool} is ${bytes} bytes, over the budget of ${budgetBytes}. Ask for less: fewer fields, a lower detail level, or one table at a time.`,
    details: { bytes, budgetBytes },
  });

/** Renders an output with the tool's compact text form (compact JSON by default). */
export function render(tool: AnyToolDefinition, output: unknown): RenderedOutput {
  return { output, text: tool.text ? tool.text(output) : JSON.stringify(output) };
}

/**
 * Keeps a result within `maxBytes` (the larger of its text and JSON forms). A list is cut to the
 * longest prefix that fits (binary search), marked `truncated`, and carries the cursor that
 * resumes after the last item kept. A result that cannot be paged fails with
 * `mcp.result_too_large`, telling the model how to ask for less.
 */
export function fitBudget(input: {
  tool: AnyToolDefinition;
  args: unknown;
  output: unknown;
  maxBytes: number;
}): RenderedOutput {
  const { tool, args, output, maxBytes } = input;
  const full = render(tool, output);
  const fullBytes = sizeOf(full);
  if (fullBytes <= maxBytes) return full;
  const paging = tool.paging;
  if (!paging) {
    throw tooLarge(tool.name, fullBytes, maxBytes);
  }
  const total = paging.items(output).length;
  const cutTo = (keep: number) => {
    const cut = paging.cut({ args, output, keep }) as Record<string, unknown>;
    const message = `Cut to ${keep} of ${total} items to stay within ${maxBytes} bytes; call again with nextCursor to go on.`;
    return render(tool, { ...cut, truncated: { shown: keep, of: total, budgetBytes: maxBytes, message } });
  };
  // Invariant: a cut to `low` items fits (checked below for 0); the whole list does not.
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sizeOf(cutTo(middle)) <= maxBytes) low = middle;
    else high = middle - 1;
  }
  const best = cutTo(low);
  if (sizeOf(best) > maxBytes) throw tooLarge(tool.name, fullBytes, maxBytes);
  return best;
}

/** The `truncated` marker of a list result cut by the budget (list tools add it to their output schema). */
export const truncationSchema = z
  .object({
    shown: z.number().int(),
    of: z.number().int(),
    budgetBytes: z.number().int(),
    message: z.string(),
  })
  .describe('Present when the response budget cut this page; nextCursor resumes after the last item shown.');
