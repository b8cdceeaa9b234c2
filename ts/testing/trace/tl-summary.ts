/**
 * A TL object as the trace shows it: plain JSON (bigints as decimal strings,
 * bytes as hex), long bytes and strings shortened, and secrets replaced by
 * `[redacted]` — login codes, passwords and their SRP proofs, exported
 * authorizations, login and bot tokens, the bound temp key's encrypted
 * message. The trace is meant to be pasted into bug reports.
 */
import { bytesToHex } from '../../crypto/bytes.js';

/** Field names whose values never reach a trace (whatever object holds them). */
const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'phone_code', // auth.signIn, auth.signUp, account.confirmPhone, ...
  'email_code',
  'code', // account.verifyEmail / emailVerificationCode, auth.recoverPassword, ...
  'password', // inputCheckPasswordSRP and every method taking one
  'new_password_hash',
  'new_secure_settings',
  'current_password_hash',
  'A',
  'M1',
  'bot_auth_token', // auth.importBotAuthorization
  'token', // auth.loginToken, auth.importLoginToken, auth.exportLoginToken results
  'encrypted_message', // auth.bindTempAuthKey
  'auth_key',
  'new_nonce',
  'session', // anything named like a session string
]);

/** `bytes` fields that are secret inside these objects only (elsewhere `bytes` is ordinary data). */
const SECRET_BYTES_IN: ReadonlySet<string> = new Set([
  'auth.exportedAuthorization',
  'auth.importAuthorization',
  'auth.loginToken',
  'auth.loginTokenSuccess',
]);

/** Bytes longer than this show their length and first bytes only. */
const MAX_TRACE_BYTES = 32;
/** Strings longer than this are cut. */
const MAX_TRACE_STRING = 256;

const REDACTED = '[redacted]';

/** The JSON view of one value of a TL object (see the module comment). */
export function summarizeTl(value: unknown, depth = 0, owner?: string): unknown {
  if (depth > 32) return '…';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string')
    return value.length > MAX_TRACE_STRING ? `${value.slice(0, MAX_TRACE_STRING)}… (${value.length} chars)` : value;
  if (value instanceof Uint8Array) {
    if (value.length <= MAX_TRACE_BYTES) return bytesToHex(value);
    return `${bytesToHex(value.subarray(0, 16))}… (${value.length} bytes)`;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, 64).map((v) => summarizeTl(v, depth + 1, owner));
    if (value.length > 64) shown.push(`… (${value.length} items)`);
    return shown;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const name = typeof obj._ === 'string' ? obj._ : owner;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      if (SECRET_FIELDS.has(k) || (k === 'bytes' && name !== undefined && SECRET_BYTES_IN.has(name))) out[k] = REDACTED;
      else out[k] = summarizeTl(v, depth + 1, name);
    }
    return out;
  }
  return value;
}

/** A one-line rendering of a summarized object for the terminal: `name{field: value, ...}`. */
export function inlineTl(summary: unknown, budget = 400): string {
  const text = render(summary);
  return text.length > budget ? `${text.slice(0, budget)}…` : text;
}

function render(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const { _: name, ...rest } = v as Record<string, unknown>;
    const fields = Object.entries(rest).map(([k, x]) => `${k}: ${render(x)}`);
    return `${typeof name === 'string' ? name : ''}{${fields.join(', ')}}`;
  }
  return String(v);
}
