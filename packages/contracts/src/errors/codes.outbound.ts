import { defineErrorCodes } from './error-spec';

/** Codes of the outbound HTTP guard (webhook pings, OAuth client metadata, Airtable, LLM providers). */
export const outboundErrorCodes = defineErrorCodes({
  'outbound.blocked': {
    status: 422,
    fault: 'user',
    retryable: false,
    description:
      'The destination is not allowed: not http(s), or it resolves to a private, loopback, link-local or other non-public address (allow it with TABLEPORT_OUTBOUND_ALLOW).',
  },
  'outbound.failed': {
    status: 502,
    fault: 'operational',
    retryable: true,
    description: 'The outbound request failed (DNS, connection refused or reset, TLS).',
  },
  'outbound.timeout': {
    status: 504,
    fault: 'operational',
    retryable: true,
    description: 'The destination did not answer in time.',
  },
  'outbound.too_many_redirects': {
    status: 502,
    fault: 'operational',
    retryable: false,
    description: 'The destination redirected more than 5 times.',
  },
  'outbound.response_too_large': {
    status: 502,
    fault: 'operational',
    retryable: false,
    description: 'The response body is larger than the caller accepts.',
  },
});
