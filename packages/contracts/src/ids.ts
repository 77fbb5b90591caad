import { z } from 'zod';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Id prefixes: Airtable's (`app`, `tbl`, ...) and Tableport's own (`usr`, `wsp`, `key`, ...). */
export const ID_PREFIXES = [
  'app',
  'tbl',
  'fld',
  'viw',
  'rec',
  'sel',
  'att',
  'usr',
  'ugp',
  'com',
  'ach',
  'wsp',
  'itr',
  'key',
  'aut',
  'whk',
  'evt',
  'aud',
  'sec',
  'chg',
  'ses',
  'inv',
  'cli',
  'oag',
  'run',
  'ntf',
] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

/** A new crypto-random id: 3-char prefix + 14 chars of [A-Za-z0-9] (Airtable's 17-char form). */
export function newId(prefix: IdPrefix): string {
  const bytes = new Uint8Array(14);
  globalThis.crypto.getRandomValues(bytes);
  let out = prefix as string;
  // 248 = 62 * 4: rejection sampling keeps the distribution uniform.
  for (let index = 0; index < bytes.length; index++) {
    let byte = bytes[index]!;
    while (byte >= 248) {
      const retry = new Uint8Array(1);
      globalThis.crypto.getRandomValues(retry);
      byte = retry[0]!;
    }
    out += ALPHABET[byte % 62];
  }
  return out;
}

/** True when the value looks like an id with the prefix (`rec` + 14 alphanumerics). */
export function isId(value: unknown, prefix: IdPrefix): value is string {
  return (
    typeof value === 'string' &&
    value.length === 17 &&
    value.startsWith(prefix) &&
    /^[A-Za-z0-9]+$/.test(value)
  );
}

/** Zod schema for an id with a given prefix. */
export function idSchema(prefix: IdPrefix) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}[A-Za-z0-9]{14}$`), `expected an id like ${prefix}XXXXXXXXXXXXXX`);
}
