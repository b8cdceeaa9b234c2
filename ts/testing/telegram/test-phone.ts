/**
 * Telegram's test-DC phone numbers (https://core.telegram.org/api/auth#test-accounts):
 * `99966XYYYY` is an account on DC X, and its login code is the digit X five
 * times (`99966 2 1234` on DC 2 signs in with `22222`). Real test DCs have
 * X in 1..3; this emulator accepts every DC it runs.
 */
import { ArgumentError } from '../../errors.js';

/** The fixed prefix of every test phone number. */
export const TEST_PHONE_PREFIX = '99966';

/** What a test phone number says about its account. */
export interface TestPhone {
  /** The number, digits only. */
  readonly phone: string;
  /** The DC the account lives on (the digit X). */
  readonly dcId: number;
  /** The login code: X repeated five times. */
  readonly code: string;
}

/** Removes what people type around a number: `+`, spaces, dashes, dots and parentheses. */
export function normalizePhone(input: string): string {
  return input.replace(/[+\s\-().]/g, '');
}

/**
 * Reads a test phone number (`+99966 2 1234`, `9996621234`, ...), or returns
 * undefined when it is not one or names a DC outside 1..`dcCount`.
 */
export function parseTestPhone(input: string, dcCount = 5): TestPhone | undefined {
  const phone = normalizePhone(input);
  const m = /^99966([1-9])\d{4}$/.exec(phone);
  if (!m) return undefined;
  const dcId = Number(m[1]);
  if (dcId > dcCount) return undefined;
  return { phone, dcId, code: loginCode(dcId) };
}

/** The login code of every test account on `dcId`: the digit repeated five times. */
export function loginCode(dcId: number): string {
  return String(dcId).repeat(5);
}

/** The test phone number `99966` + `dcId` + `suffix` padded to four digits. */
export function testPhone(dcId: number, suffix: number): string {
  if (!Number.isInteger(dcId) || dcId < 1 || dcId > 9) throw new ArgumentError(`test phone DC must be 1..9, got ${dcId}`);
  if (!Number.isInteger(suffix) || suffix < 0 || suffix > 9999) throw new ArgumentError(`test phone suffix must be 0..9999, got ${suffix}`);
  return `${TEST_PHONE_PREFIX}${dcId}${String(suffix).padStart(4, '0')}`;
}
