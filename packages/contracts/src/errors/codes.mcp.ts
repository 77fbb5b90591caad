import { defineErrorCodes } from './error-spec';

/** Codes of the MCP server (apps/server/src/mcp): tool failures reach the model as `isError` results. */
export const mcpErrorCodes = defineErrorCodes({
  'mcp.invalid_arguments': {
    status: 400,
    fault: 'user',
    retryable: false,
    description:
      'Tool arguments failed validation; the message lists each problem with its path, and `details.issues` has them as data.',
  },
  'mcp.invalid_cursor': {
    status: 400,
    fault: 'user',
    retryable: false,
    description:
      'The `cursor` was not returned by this tool for this table and query; call the tool again without a cursor.',
  },
  'mcp.result_too_large': {
    status: 413,
    fault: 'user',
    retryable: false,
    description:
      'A result that cannot be paged is larger than the response budget (TABLEPORT_MCP_MAX_RESULT_BYTES); ask for less (fields, detail level).',
  },
  'mcp.relay_failed': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description:
      '`tableport mcp` could not reach the server at TABLEPORT_URL, or it answered with something that is not MCP.',
  },
});
