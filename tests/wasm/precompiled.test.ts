import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CryptoError } from '../../ts/errors.js';
import { embeddedCryptoWasm, embeddedTlWasm } from '../../ts/wasm/embedded.js';
import { provideWasmModules, resolveWasm, resolveWasmSync } from '../../ts/wasm/precompiled.js';

// A host that forbids code generation (Cloudflare Workers) throws from the compile step; invalid bytes do the same here.
const refusingHost = (): Uint8Array => new Uint8Array([0, 0x61, 0x73, 0x6d, 9, 9, 9, 9]);

test('embedded binaries are valid WASM in both builds', () => {
  for (const simd of [true, false]) {
    for (const src of [embeddedCryptoWasm(simd), embeddedTlWasm(simd)]) {
      assert.ok(src instanceof Uint8Array);
      assert.ok(WebAssembly.validate(src as BufferSource));
    }
  }
});

test('a module that cannot be compiled gives CryptoError naming the fix, not a fallback', async () => {
  const check = (e: unknown) => {
    assert.instance(e, CryptoError);
    assert.match((e as Error).message, /bignum WASM module cannot be compiled/);
    assert.match((e as Error).message, /no JavaScript fallback/);
    assert.match((e as Error).message, /provideWasmModules/);
    assert.ok((e as { cause?: unknown }).cause instanceof WebAssembly.CompileError);
  };
  assert.throws(
    () => resolveWasmSync('bignum', false, refusingHost),
    (e: unknown) => (check(e), true),
  );
  try {
    await resolveWasm('bignum', false, refusingHost);
    assert.unreachable('resolved');
  } catch (e) {
    check(e);
  }
});

test('an embedded source that is already a WebAssembly.Module is used as is (the workerd build)', () => {
  const module = new WebAssembly.Module(embeddedTlWasm(false) as BufferSource);
  const r = resolveWasmSync('bignum', true, () => module);
  assert.is(r.module, module);
  assert.is(r.simd, true);
});

test('provideWasmModules: provided builds win over the embedded bytes; plain serves a SIMD request', async () => {
  const plain = new WebAssembly.Module(embeddedTlWasm(false) as BufferSource);
  provideWasmModules({ tl: { plain } });
  const sync = resolveWasmSync('tl', true, refusingHost);
  assert.is(sync.module, plain);
  assert.is(sync.simd, false);
  const async = await resolveWasm('tl', false, refusingHost);
  assert.is(async.module, plain);
  // A SIMD-only provision cannot serve an engine without SIMD: the embedded source is used.
  const simd = new WebAssembly.Module(embeddedTlWasm(true) as BufferSource);
  provideWasmModules({ tl: { simd } });
  assert.is(resolveWasmSync('tl', true, refusingHost).module, simd);
  assert.throws(
    () => resolveWasmSync('tl', false, refusingHost),
    (e: unknown) => e instanceof CryptoError,
  );
  provideWasmModules({ tl: {} });
});

test('provideWasmModules rejects values that are not WebAssembly.Module', () => {
  assert.throws(
    () => provideWasmModules({ crypto: { simd: new Uint8Array(8) as unknown as WebAssembly.Module } }),
    (e: unknown) => e instanceof CryptoError && /crypto\.simd is not a WebAssembly\.Module/.test((e as Error).message),
  );
});

test.run();
