import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { TWO_POW_1984, bigIntToBytes } from '../../ts/crypto/bigint.js';
import { bytesToHex, hexToBytes } from '../../ts/crypto/bytes.js';
import { TELEGRAM_DH_PRIME, TELEGRAM_DH_PRIME_BYTES } from '../../ts/crypto/dh.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { computeSrpCheck, computeSrpCheckWithSecret, srpPasswordHash, srpVerifier, type SrpPasswordParams } from '../../ts/crypto/srp.js';
import { CryptoError, SecurityError } from '../../ts/errors.js';
import { getProvider, replayRandom } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const isSecurity = (check: string) => (e: unknown) => e instanceof SecurityError && e.check === check;

// ------------------------------------------------ reference implementation (this file only)
// Written from https://core.telegram.org/api/srp with node:crypto and plain BigInt.

const H = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const big = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const pad = (x: bigint) => {
  const hex = x.toString(16).padStart(512, '0');
  return new Uint8Array(Buffer.from(hex, 'hex'));
};
function pow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
  return r;
}
function refX(password: string, salt1: Uint8Array, salt2: Uint8Array): bigint {
  const SH = (data: Uint8Array, salt: Uint8Array) => H(salt, data, salt);
  const ph1 = SH(SH(new TextEncoder().encode(password), salt1), salt2);
  const ph2 = SH(new Uint8Array(pbkdf2Sync(ph1, salt1, 100000, 64, 'sha512')), salt2);
  return big(ph2);
}
function refClient(password: string, prm: SrpPasswordParams, a: bigint) {
  const p = big(prm.p);
  const g = BigInt(prm.g);
  const B = big(prm.srpB);
  const x = refX(password, prm.salt1, prm.salt2);
  const v = pow(g, x, p);
  const k = big(H(pad(p), pad(g)));
  const kv = (k * v) % p;
  const A = pow(g, a, p);
  const u = big(H(pad(A), pad(B)));
  const t = (((B - kv) % p) + p) % p;
  const K = H(pad(pow(t, a + u * x, p)));
  const hp = H(pad(p));
  const hg = H(pad(g));
  const M1 = H(
    hp.map((b, i) => b ^ hg[i]!),
    H(prm.salt1),
    H(prm.salt2),
    pad(A),
    pad(B),
    K,
  );
  return { A: pad(A), M1 };
}
/** The server's side: B from v and a secret b; M2 from A. */
function refServer(v: bigint, prm: Omit<SrpPasswordParams, 'srpB' | 'srpId'>) {
  const p = big(prm.p);
  const g = BigInt(prm.g);
  const k = big(H(pad(p), pad(g)));
  let b: bigint;
  let B: bigint;
  do {
    b = big(new Uint8Array(randomBytes(256)));
    B = (((k * v) % p) + pow(g, b, p)) % p;
  } while (B < TWO_POW_1984 || B > p - TWO_POW_1984);
  const M2For = (Abytes: Uint8Array) => {
    const A = big(Abytes);
    const u = big(H(pad(A), pad(B)));
    const K = H(pad(pow((A * pow(v, u, p)) % p, b, p)));
    const hp = H(pad(p));
    const hg = H(pad(g));
    return H(
      hp.map((x, i) => x ^ hg[i]!),
      H(prm.salt1),
      H(prm.salt2),
      pad(A),
      pad(B),
      K,
    );
  };
  return { srpB: pad(B), M2For };
}

// ------------------------------------------------ fixed vector
// Published test vector from gotd/td's SRP test suite (internal/crypto/srp/srp_test.go):
// password "123123", Telegram's dh_prime, g = 3, secret a = 1 (so A = 3).

const GOTD: SrpPasswordParams = {
  salt1: hexToBytes('4D11FB6BEC38F9D2546BB0F61E4F1C99A1BC0DB8F0D5F35B1291B37B213123D7ED48F3C6794D495B'),
  salt2: hexToBytes('A1B181AAFE88188680AE32860D60BB01'),
  g: 3,
  p: TELEGRAM_DH_PRIME_BYTES,
  srpB: hexToBytes(
    '9C52401A6A8084EC82F01C3725D3FB448BD2F0C909F9D97726EAC4B7A74172D9' +
      '52F02466BE6734FA274D2B7429E27397F10372D66B400B80A5C5AE3F28B17BF3' +
      '105D7A2D2A885998CDC2DEFC208AEC217AB58859A9ABC2374AD93DC285F4B3FB' +
      'CAFF4143D7888F2425BD2FB711B25609CEB21757D935B1EF2F042173AD0CE2FE' +
      '0E474DAC53914BD25A8A9AED4AEA8953D55CB88621DB37B871EA0D04393AC098' +
      '7F68094CCC9DE8239251375D8FFFD263316CD528C097B7BC9FB919FBEDB76C52' +
      '5DF3413C374EE076D97A1E6D352BB7CC80FD13651B04B32E2E48C5268150842C' +
      'FD07CF855958B1B5EA9C36FDAD697FE3AEC8DCC6B1EFEC36874AF226204676CF',
  ),
  srpId: 0x1122334455667788n,
};
const GOTD_M1 = '999DF906BDA2C6CBB52F503406EBA2D0D0503ACE0CC302C38F13EE5010AD4051';

test('fixed vector: A and M1 for password "123123", a = 1', async () => {
  const r = await computeSrpCheckWithSecret('123123', GOTD, 1n, crypto);
  assert.is(bytesToHex(r.A), bytesToHex(bigIntToBytes(3n, 256)));
  assert.is(bytesToHex(r.M1).toUpperCase(), GOTD_M1);
  assert.is(r.srpId, GOTD.srpId);
  // the in-file reference agrees with the vector too
  assert.is(bytesToHex(refClient('123123', GOTD, 1n).M1).toUpperCase(), GOTD_M1);
});

test('random a: A and M1 equal the in-file reference implementation; srp_id passes through', async () => {
  const aBytes = new Uint8Array(randomBytes(256));
  const r = await computeSrpCheck('correct horse', GOTD, crypto, { random: replayRandom(aBytes) });
  const ref = refClient('correct horse', GOTD, big(aBytes));
  assert.is(r.A.length, 256);
  assert.is(r.M1.length, 32);
  assert.is(bytesToHex(r.A), bytesToHex(ref.A));
  assert.is(bytesToHex(r.M1), bytesToHex(ref.M1));
  assert.is(r.srpId, 0x1122334455667788n);
});

test('password hash x (PH2) and verifier v equal the reference', async () => {
  const salt1 = new Uint8Array(randomBytes(40));
  const salt2 = new Uint8Array(randomBytes(16));
  const x = await srpPasswordHash('пароль 🔑', salt1, salt2, crypto);
  assert.is(big(x), refX('пароль 🔑', salt1, salt2));
  const v = await srpVerifier(new TextEncoder().encode('пароль 🔑'), { salt1, salt2, g: 3, p: TELEGRAM_DH_PRIME_BYTES }, crypto);
  assert.is(v.length, 256);
  assert.is(big(v), pow(3n, big(x), TELEGRAM_DH_PRIME));
});

test("end to end with a simulated server: M1 equals the server's M2 only for the right password", async () => {
  const algo = { salt1: new Uint8Array(randomBytes(40)), salt2: new Uint8Array(randomBytes(16)), g: 3, p: TELEGRAM_DH_PRIME_BYTES };
  const v = big(await srpVerifier('hunter2', algo, crypto));
  const server = refServer(v, algo);
  const params = { ...algo, srpB: server.srpB, srpId: 42n };
  const good = await computeSrpCheck('hunter2', params, crypto);
  assert.is(bytesToHex(good.M1), bytesToHex(server.M2For(good.A)));
  const bad = await computeSrpCheck('hunter3', params, crypto);
  assert.is.not(bytesToHex(bad.M1), bytesToHex(server.M2For(bad.A)));
  // fresh a each time
  const again = await computeSrpCheck('hunter2', params, crypto);
  assert.is.not(bytesToHex(again.A), bytesToHex(good.A));
  assert.is(bytesToHex(again.M1), bytesToHex(server.M2For(again.A)));
});

test('srp_B is checked: srp_B_range and srp_B_safe_range', async () => {
  const p = TELEGRAM_DH_PRIME;
  const withB = (B: Uint8Array) => ({ ...GOTD, srpB: B });
  for (const B of [
    new Uint8Array(0),
    bigIntToBytes(1n, 256),
    bigIntToBytes(p - 1n, 256),
    bigIntToBytes(p, 256),
    new Uint8Array(257).fill(1),
  ]) {
    await assertRejects(() => computeSrpCheckWithSecret('x', withB(B), 5n, crypto), isSecurity('srp_B_range'));
  }
  for (const B of [bigIntToBytes(2n, 256), bigIntToBytes(TWO_POW_1984 - 1n, 256), bigIntToBytes(p - 2n, 256)]) {
    await assertRejects(() => computeSrpCheck('x', withB(B), crypto), isSecurity('srp_B_safe_range'));
  }
});

test('p and g get the dh_prime checks (dh_g, dh_g_subgroup, dh_prime_size, dh_prime_prime)', async () => {
  await assertRejects(() => computeSrpCheck('x', { ...GOTD, g: 8 }, crypto), isSecurity('dh_g'));
  await assertRejects(() => computeSrpCheck('x', { ...GOTD, g: 2 }, crypto), isSecurity('dh_g_subgroup'));
  await assertRejects(() => computeSrpCheck('x', { ...GOTD, p: TELEGRAM_DH_PRIME_BYTES.subarray(1) }, crypto), isSecurity('dh_prime_size'));
  const longP = new Uint8Array(257);
  longP.set(TELEGRAM_DH_PRIME_BYTES, 1);
  await assertRejects(() => computeSrpCheck('x', { ...GOTD, p: longP }, crypto), isSecurity('dh_prime_size'));
  let composite = TELEGRAM_DH_PRIME + 24n;
  while (composite % 7n !== 0n) composite += 24n; // keeps p mod 3 = 2 (g = 3 passes), divisible by 7
  await assertRejects(
    () => computeSrpCheck('x', { ...GOTD, p: bigIntToBytes(composite, 256) }, crypto, { noCache: true }),
    isSecurity('dh_prime_prime'),
  );
  await assertRejects(() => srpVerifier('x', { ...GOTD, g: 2 }, crypto), isSecurity('dh_g_subgroup'));
});

test('a is redrawn when A falls outside the safe range; a broken source ends in CryptoError', async () => {
  const aBytes = new Uint8Array(randomBytes(256));
  const r = await computeSrpCheck('pw', GOTD, crypto, { random: replayRandom(bigIntToBytes(1n, 256), aBytes) });
  assert.is(bytesToHex(r.A), bytesToHex(refClient('pw', GOTD, big(aBytes)).A));
  await assertRejects(
    () => computeSrpCheck('pw', GOTD, crypto, { random: (out) => void out.fill(0) }),
    (e) => e instanceof CryptoError,
  );
  await assertRejects(
    () => computeSrpCheckWithSecret('pw', GOTD, 0n, crypto),
    (e) => e instanceof CryptoError,
  );
});

test('the password never reaches the console or an error message', async () => {
  const secret = 'S3cret-Passw0rd';
  const calls: unknown[][] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((m) => console[m]);
  methods.forEach((m) => {
    console[m] = (...args: unknown[]) => void calls.push(args);
  });
  let message = '';
  try {
    await computeSrpCheck(secret, GOTD, crypto);
    await computeSrpCheck(secret, { ...GOTD, srpB: bigIntToBytes(2n, 256) }, crypto).catch((e: Error) => {
      message = `${e.message} ${e.stack ?? ''}`;
    });
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i]!;
    });
  }
  assert.is(calls.length, 0);
  assert.ok(message.length > 0);
  assert.not.ok(message.includes(secret));
});

async function assertRejects(fn: () => Promise<unknown>, match: (e: unknown) => boolean): Promise<void> {
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, 'expected a rejection');
  if (!match(error)) assert.unreachable(`unexpected error: ${error instanceof SecurityError ? error.check : String(error)}`);
}

test.run();
