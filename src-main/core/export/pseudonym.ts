import { createHmac } from 'node:crypto';
import type { Lang } from '../import/reasons.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 12 base32 characters = 60 bits: collisions stay unlikely (≈ 1 in 100,000) even across all 4.5 million ASN. */
const CODE_CHARS = 12;
const CACHE_LIMIT = 500_000;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stable code of a NIP under a key: `P-` + HMAC-SHA-256(key, NIP) in base32, shortened.
 * The same person and key give the same code in every export, so months still join; without
 * the key the code says nothing (an unkeyed hash of an 18-digit NIP could be reversed by trying them all).
 */
export function pseudonymCode(key: string, nip: string): string {
  const digest = createHmac('sha256', key).update(nip.replace(/[\s.]/g, ''), 'utf8').digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_CHARS) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === CODE_CHARS) break;
    value &= (1 << bits) - 1;
  }
  return `P-${out}`;
}

/** What the workbook shows for a person: the original, or the code when pseudonymising. */
export interface Pseudonymizer {
  readonly on: boolean;
  /** Keyed, for ordering people without NIP order (null: order by NIP). */
  readonly orderSalt: string | null;
  /** The word a pseudonymised name begins with, in the workbook's language: "Pegawai P-…" / "Employee P-…". */
  readonly person: string;
  nip(nip: string | null): string | null;
  /** The name goes with the NIP: "Pegawai P-…" when pseudonymising (the code is the same in either language). */
  name(nip: string | null, name: string | null): string | null;
  /** People by agency, then in an order that says nothing about their NIPs when pseudonymising. */
  sorted<T extends { nip: string; agency: string | null }>(list: T[]): T[];
}

export function createPseudonymizer(key: string | undefined, lang: Lang): Pseudonymizer {
  const person = lang === 'en' ? 'Employee' : 'Pegawai';
  if (key === undefined) return { on: false, orderSalt: null, person, nip: (n) => n, name: (_n, name) => name, sorted: (list) => list };
  // The same few thousand NIPs recur across a million findings: hash each once.
  const cache = new Map<string, string>();
  const code = (nip: string): string => {
    let c = cache.get(nip);
    if (c === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      c = pseudonymCode(key, nip);
      cache.set(nip, c);
    }
    return c;
  };
  return {
    on: true,
    orderSalt: createHmac('sha256', key).update('urutan').digest('hex'),
    nip: (nip) => (nip === null ? null : code(nip)),
    person,
    name: (nip, name) => (nip === null ? (name === null ? null : person) : `${person} ${code(nip)}`),
    // Stable, so each person's own rows keep their order (by date).
    sorted: (list) => [...list].sort((a, b) => cmp(a.agency ?? '\uffff', b.agency ?? '\uffff') || cmp(code(a.nip), code(b.nip))),
  };
}
