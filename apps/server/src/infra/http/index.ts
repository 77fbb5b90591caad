export { createAddressPolicy, type AddressPolicy } from './address-policy';
export { createOutboundFetch, type OutboundFetch, type OutboundOptions } from './outbound-fetch';
