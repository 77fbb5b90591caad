import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { AppError } from '@tableport/contracts';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { createAddressPolicy, type AddressPolicy } from './address-policy';

/** A fetch that only reaches allowed destinations. Same call shape as the global fetch. */
export type OutboundFetch = (
  url: string | URL,
  init?: RequestInit & { timeoutMs?: number },
) => Promise<Response>;

/** Options of {@link createOutboundFetch}. */
export interface OutboundOptions {
  /** TABLEPORT_OUTBOUND_ALLOW: hosts, addresses or CIDRs allowed although non-public. */
  allow: readonly string[];
  /** Per request, including redirects (default 15 s). */
  timeoutMs?: number;
  /** Redirects followed, each re-checked (default 5). */
  maxRedirects?: number;
  /** TABLEPORT_OUTBOUND_CA: a PEM file of certificate authorities trusted besides the system's. */
  caFile?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * The one guard for every outbound HTTP call (DESIGN.md): http(s) only, literal IPs checked before
 * dialling, host names checked at connect time on every resolved address (so DNS rebinding cannot
 * slip through), redirects followed manually and re-checked, and a timeout.
 */
export function createOutboundFetch(options: OutboundOptions): OutboundFetch {
  const policy = createAddressPolicy(options.allow);
  // An explicit `ca` replaces Node's roots, so the system's stay in the list.
  const ca = options.caFile ? [...rootCertificates, readFileSync(options.caFile, 'utf8')] : undefined;
  const dispatcher = new Agent({
    connect: { lookup: guardedLookup(policy), ...(ca ? { ca } : {}) },
    connectTimeout: 10_000,
  });
  const maxRedirects = options.maxRedirects ?? 5;

  return async (input, init = {}) => {
    const { timeoutMs = options.timeoutMs ?? 15_000, signal, ...rest } = init;
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let url = new URL(input);
    let requestInit: RequestInit = rest;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      checkUrl(url, policy);
      const response = await send(
        url,
        { ...requestInit, signal: combined, redirect: 'manual' },
        dispatcher,
        deadline,
      );
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || !location) return response;
      await response.body?.cancel();
      url = new URL(location, url);
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && requestInit.method !== 'GET')
      ) {
        requestInit = { ...requestInit, method: 'GET', body: undefined };
      }
    }
    throw new AppError({
      code: 'outbound.too_many_redirects',
      message: `More than ${maxRedirects} redirects from ${new URL(input).host}`,
    });
  };
}

function checkUrl(url: URL, policy: AddressPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError({
      code: 'outbound.blocked',
      message: `Only http and https URLs are allowed, not ${url.protocol}`,
    });
  }
  const host = bareHost(url.hostname);
  // IP-literal URLs never go through DNS lookup, so they are checked here.
  if (ipaddr.isValid(host) && !policy.allowsHost(host) && !policy.allowsAddress(host)) {
    throw new AppError({
      code: 'outbound.blocked',
      message: `${url.host} is not a public address`,
      details: { host: url.host },
    });
  }
}

async function send(
  url: URL,
  init: RequestInit,
  dispatcher: Agent,
  deadline: AbortSignal,
): Promise<Response> {
  try {
    return await undiciFetch(url, { ...(init as object), dispatcher });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (AppError.isInstance(cause)) throw cause;
    if (deadline.aborted)
      throw new AppError({
        code: 'outbound.timeout',
        message: `${url.host} did not answer in time`,
        cause: error,
      });
    if ((error as Error).name === 'AbortError') throw error;
    throw new AppError({
      code: 'outbound.failed',
      message: `Request to ${url.host} failed: ${describe(cause ?? error)}`,
      cause: error,
    });
  }
}

const describe = (error: unknown) =>
  (error as { code?: string }).code ?? (error as Error).message ?? String(error);

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** net.connect's `lookup`, resolving every address and refusing the connection if any is not allowed. */
function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked =
        !policy.allowsHost(hostname) && addresses.some((entry) => !policy.allowsAddress(entry.address));
      if (blocked) {
        const refusal = new AppError({
          code: 'outbound.blocked',
          message: `${hostname} resolves to a non-public address`,
          details: { host: hostname },
        });
        return callback(refusal, []);
      }
      const wantsAll = (options as { all?: boolean }).all === true;
      if (wantsAll) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
