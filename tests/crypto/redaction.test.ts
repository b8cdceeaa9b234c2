/**
 * Secrets do not print (issue 10, finding 8): auth key handles of both
 * engines, CTR streams, providers, and the key exchange's results and
 * states show `[redacted]` under util.inspect (hidden fields, depth 10),
 * console.log's formatting and JSON.stringify — no key bytes as hex, base64
 * or decimals. The fields stay readable by code.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import { ClientHandshake } from '../../ts/mtproto/handshake/index.js';
import { ServerHandshake } from '../../ts/mtproto/server-side.js';
import { getServerKey, seededRandom } from '../mtproto/_support.js';
import { findLeak, leakIn, printed } from './_leaks.js';

const key = new Uint8Array(256).map((_, i) => (i * 73 + 41) & 0xff);

test('the leak finder itself sees hex, spaced hex, base64 and decimals (so a pass means something)', () => {
  const bytes = key;
  assert.ok(findLeak(Buffer.from(bytes).toString('hex'), bytes));
  assert.ok(findLeak(Buffer.from(bytes).toString('base64'), bytes));
  assert.ok(findLeak(printed(Buffer.from(bytes))[0]!, bytes));
  assert.ok(findLeak(printed(bytes)[0]!, bytes));
  assert.ok(findLeak(JSON.stringify({ k: bytes }), bytes));
  assert.ok(findLeak(JSON.stringify(Array.from(bytes)), bytes));
  assert.is(findLeak('nothing here', bytes), undefined);
});

for (const engine of ['wasm', 'default'] as const) {
  test(`${engine} provider: AuthKeyHandle prints as [redacted] and still works`, async () => {
    const crypto: CryptoProvider = engine === 'wasm' ? await createWasmProvider() : await createCryptoProvider();
    const handle = crypto.loadAuthKey(key);
    assert.is(leakIn(handle, [key]), undefined);
    assert.ok(printed(handle)[0]!.includes('AuthKeyHandle [redacted]'));
    assert.is(JSON.stringify({ handle }), '{"handle":"AuthKeyHandle [redacted]"}');
    assert.is(handle.id.length, 8);
    assert.equal(handle.exportKey(), key);
    handle.dispose();
  });

  test(`${engine} provider: the provider (whose memory holds loaded keys) and CTR streams print as [redacted]`, async () => {
    const crypto: CryptoProvider = engine === 'wasm' ? await createWasmProvider() : await createCryptoProvider();
    const handle = crypto.loadAuthKey(key);
    const ctrKey = key.subarray(0, 32);
    const ctr = crypto.createCtr(ctrKey, key.subarray(32, 48));
    assert.is(leakIn(crypto, [key, ctrKey]), undefined);
    assert.is(leakIn(ctr, [ctrKey]), undefined);
    assert.ok(printed(ctr)[0]!.includes('CtrCipher [redacted]'));
    ctr.dispose();
    handle.dispose();
  });
}

test('key exchange: AuthKeyResult (both sides), the drivers and their step states print as [redacted]', async () => {
  const crypto = await createWasmProvider();
  const server = await getServerKey();
  const hs = new ClientHandshake({ crypto, dcId: 1, rsaKeys: [server.pub], random: seededRandom('redact-c') });
  const srv = new ServerHandshake({ crypto, rsaKey: server.priv, random: seededRandom('redact-s') });
  let msg = hs.start();
  let clientDone;
  let serverDone;
  for (let i = 0; i < 10 && !clientDone; i++) {
    const s = srv.receive(msg);
    serverDone ??= s.done;
    // Mid-exchange the drivers hold new_nonce and the DH secrets.
    assert.ok(printed(hs)[0]!.includes('ClientHandshake [redacted]'));
    assert.ok(printed(srv)[0]!.includes('ServerHandshake [redacted]'));
    const c = hs.receive(s.response!);
    if (c.done) clientDone = c.done;
    else msg = c.request;
  }
  assert.ok(clientDone && serverDone);
  assert.equal(clientDone.authKey, serverDone.authKey);
  for (const result of [clientDone, serverDone]) {
    assert.is(leakIn(result, [result.authKey]), undefined);
    assert.ok(printed(result)[0]!.includes('AuthKeyResult [redacted]'));
    assert.is(JSON.stringify(result), '"AuthKeyResult [redacted]"');
  }
  assert.is(leakIn(hs, [clientDone.authKey]), undefined);
  assert.is(leakIn(srv, [clientDone.authKey]), undefined);
});

test.run();
