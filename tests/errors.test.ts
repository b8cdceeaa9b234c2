import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CryptoError, RpcError, SecurityError, TlError, TransportError, WasmgramError } from '../ts/errors.js';

test('errors: instanceof follows the class chain', () => {
  const e = new SecurityError('msg_key', 'bad');
  assert.ok(e instanceof SecurityError);
  assert.ok(e instanceof WasmgramError);
  assert.ok(e instanceof Error);
  assert.not.ok(e instanceof TlError);
  assert.not.ok(new Error('x') instanceof WasmgramError);
  assert.not.ok((null as unknown) instanceof WasmgramError);
});

test('errors: instanceof recognises an error from another copy of the library (dual ESM/CJS load)', () => {
  // A second copy: classes with the same kinds but different identities.
  class OtherBase extends Error {
    static readonly kind: string = 'WasmgramError';
    get [Symbol.for('wasmgram.error.kinds')](): string[] {
      const kinds: string[] = [];
      for (let c = this.constructor as { kind?: string } | null; c && typeof c.kind === 'string'; c = Object.getPrototypeOf(c))
        kinds.push(c.kind);
      return kinds;
    }
  }
  class OtherSecurity extends OtherBase {
    static override readonly kind: string = 'SecurityError';
  }
  const foreign = new OtherSecurity('x');
  assert.ok(foreign instanceof SecurityError);
  assert.ok(foreign instanceof WasmgramError);
  assert.not.ok(foreign instanceof TransportError);
  assert.not.ok(foreign instanceof CryptoError);
});

test('errors: RpcError parses the numeric suffix and FLOOD_WAIT seconds', () => {
  const flood = new RpcError(420, 'FLOOD_WAIT_31', 'messages.sendMessage');
  assert.is(flood.value, 31);
  assert.is(flood.waitSeconds, 31);
  assert.match(flood.message, /420 FLOOD_WAIT_31 \(in messages.sendMessage\)/);
  const migrate = new RpcError(303, 'PHONE_MIGRATE_4');
  assert.is(migrate.value, 4);
  assert.is(migrate.waitSeconds, undefined);
  assert.is(new RpcError(400, 'PEER_ID_INVALID').value, undefined);
});

test('errors: TlError and TransportError carry offset and code', () => {
  assert.is(new TlError('truncated', 12).offset, 12);
  assert.match(new TlError('truncated', 12).message, /at byte 12/);
  assert.is(new TransportError('flood', -429).code, -429);
});

test.run();
