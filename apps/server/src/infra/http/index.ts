/** Outbound HTTP: the one guarded `fetch` every call to the outside world goes through. */
export { createOutboundFetch, type OutboundFetch, type OutboundFetchOptions } from './outbound.fetch';
export { createOutboundPolicy, type OutboundPolicy } from './outbound.policy';
