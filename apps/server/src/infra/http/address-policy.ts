import ipaddr from 'ipaddr.js';

/** Decides which addresses outbound calls may reach: public unicast, plus what the allow list names. */
export interface AddressPolicy {
  /** True when the host name is allowed as such (then its addresses are not checked). */
  allowsHost(hostname: string): boolean;
  /** True when the resolved or literal address may be dialled. */
  allowsAddress(address: string): boolean;
}

/**
 * Builds the policy from TABLEPORT_OUTBOUND_ALLOW entries: host names (`hooks.internal`), addresses
 * (`127.0.0.1`) or CIDRs (`10.0.0.0/8`). IPv4-mapped IPv6 is unmapped first, so `::ffff:127.0.0.1`
 * is judged as 127.0.0.1. Everything that is not `unicast` (loopback, private, link-local, CGNAT,
 * unique-local, 6to4, NAT64, multicast, reserved, unspecified) is refused unless allowed.
 */
export function createAddressPolicy(allow: readonly string[]): AddressPolicy {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of allow) {
    const value = entry.trim().toLowerCase();
    if (!value) continue;
    if (value.includes('/') && ipaddr.isValidCIDR(value)) ranges.push(ipaddr.parseCIDR(value));
    else if (ipaddr.isValid(value)) {
      const address = ipaddr.process(value);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(value);
  }
  return {
    allowsHost: (hostname) => hosts.has(hostname.toLowerCase().replace(/\.$/, '')),
    allowsAddress: (raw) => {
      if (!ipaddr.isValid(raw)) return false;
      const address = ipaddr.process(raw);
      if (ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits)))
        return true;
      return address.range() === 'unicast';
    },
  };
}

/** True for an address inside one of the given addresses or CIDRs (nothing else: no host names). */
export type AddressMatcher = (address: string) => boolean;

/** Whether an entry is an IP address or a CIDR (for config validation). */
export function isAddressOrCidr(entry: string): boolean {
  const value = entry.trim();
  return value.includes('/') ? ipaddr.isValidCIDR(value) : ipaddr.isValid(value);
}

/** Builds a matcher for addresses and CIDRs; IPv4-mapped IPv6 is unmapped first. */
export function createAddressMatcher(entries: readonly string[]): AddressMatcher {
  const ranges = entries
    .map((entry) => entry.trim())
    .filter(isAddressOrCidr)
    .map((value): [ipaddr.IPv4 | ipaddr.IPv6, number] => {
      if (value.includes('/')) return ipaddr.parseCIDR(value);
      const address = ipaddr.process(value);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    });
  return (raw) => {
    if (!ipaddr.isValid(raw)) return false;
    const address = ipaddr.process(raw);
    return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
  };
}
