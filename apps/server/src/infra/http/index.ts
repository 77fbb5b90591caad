/** Outbound HTTP: the one guarded `fetch` every call to the outside world goes through. */
export { createAddressPolicy, type AddressPolicy } from './address-policy';
export { createOutboundFetch, type OutboundFetch, type OutboundOptions } from './outbound-fetch';
