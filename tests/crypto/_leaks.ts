/**
 * Test support: does printed text contain secret bytes? Checks the forms a
 * byte array takes when printed or serialized — hex (plain or spaced, as
 * `Buffer` prints), base64 (any alignment), and decimals separated by commas
 * (`util.inspect` of a `Uint8Array`, `JSON.stringify` of one as `{"0":12,...}`).
 */
import { inspect } from 'node:util';
import { hex } from '../_hex.js';

/** The representations of `secret` looked for: windows of 12 bytes from a few offsets. */
function needles(secret: Uint8Array): string[] {
  const out: string[] = [];
  for (let at = 0; at + 12 <= secret.length; at += Math.max(1, Math.floor(secret.length / 5))) {
    const w = secret.subarray(at, at + 12);
    out.push(hex(w), Array.from(w, (x) => x.toString(16).padStart(2, '0')).join(' '), Array.from(w).join(','));
  }
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.from(secret.subarray(shift, shift + 24)).toString('base64');
    out.push(b64.slice(4, 28));
    out.push(b64.slice(4, 28).replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** The first needle of `secret` found in `text` (after removing whitespace and JSON index keys), or undefined. */
export function findLeak(text: string, secret: Uint8Array): string | undefined {
  const compact = text.replace(/\s+/g, '').replace(/"\d+":/g, '');
  const spaced = text.toLowerCase();
  for (const n of needles(secret)) {
    if (n.includes(' ') ? spaced.includes(n) : compact.includes(n) || compact.toLowerCase().includes(n)) return n;
  }
  return undefined;
}

/** Every way the tests print `value`: util.inspect with hidden fields and depth 10, console.log's format, JSON.stringify. */
export function printed(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true }), inspect(value), inspect({ nested: { value } }, { depth: 10 })];
  let json: string;
  try {
    json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch (e) {
    json = `(JSON.stringify threw ${(e as Error).message})`;
  }
  out.push(json);
  return out;
}

/** Asserts-friendly: a description of the first leak of any secret in any printing of `value`, or undefined. */
export function leakIn(value: unknown, secrets: readonly Uint8Array[]): string | undefined {
  for (const text of printed(value)) {
    for (const secret of secrets) {
      const found = findLeak(text, secret);
      if (found) return `${found} in: ${text.slice(0, 200)}`;
    }
  }
  return undefined;
}
