import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readErrorsJson, renderRpcErrorCatalog } from '../build/generate-rpc-error-catalog.js';
import { RpcError, TransportError } from '../ts/errors.js';
import type { RpcErrorCatalog, RpcErrorsOfMethod, RpcErrorTemplate } from '../ts/rpc-error-catalog.js';
import fs from 'node:fs';

test('RpcError: FLOOD_WAIT_30 → errorName FLOOD_WAIT, template FLOOD_WAIT_%d, seconds 30 (core.telegram.org/api/errors#420-flood)', () => {
  const e = new RpcError(420, 'FLOOD_WAIT_30', 'messages.sendMessage');
  assert.is(e.code, 420);
  assert.is(e.text, 'FLOOD_WAIT_30');
  assert.is(e.errorName, 'FLOOD_WAIT');
  assert.is(e.template, 'FLOOD_WAIT_%d');
  assert.is(e.value, 30);
  assert.is(e.seconds, 30);
  assert.is(e.waitSeconds, 30);
  assert.is(e.dcId, undefined);
});

test('RpcError: every *_MIGRATE_X gives dcId (core.telegram.org/api/errors#303-see-other)', () => {
  for (const kind of ['PHONE', 'USER', 'NETWORK', 'FILE', 'STATS']) {
    const e = new RpcError(303, `${kind}_MIGRATE_4`);
    assert.is(e.dcId, 4, kind);
    assert.is(e.seconds, undefined, kind);
    assert.is(e.errorName, `${kind}_MIGRATE`);
  }
});

test('RpcError: SLOWMODE_WAIT and FLOOD_PREMIUM_WAIT are waits; numbers inside the message are found', () => {
  assert.is(new RpcError(420, 'SLOWMODE_WAIT_12').seconds, 12);
  assert.is(new RpcError(420, 'FLOOD_PREMIUM_WAIT_3').seconds, 3);
  const part = new RpcError(400, 'FILE_PART_3_MISSING');
  assert.is(part.value, 3);
  assert.is(part.errorName, 'FILE_PART_MISSING');
  assert.is(part.template, 'FILE_PART_%d_MISSING');
  assert.is(part.seconds, undefined);
  const min = new RpcError(400, 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN');
  assert.is(min.template, 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN');
  const plain = new RpcError(400, 'PHONE_CODE_INVALID');
  assert.is(plain.errorName, 'PHONE_CODE_INVALID');
  assert.is(plain.template, 'PHONE_CODE_INVALID');
  assert.is(plain.value, undefined);
  // A leading number is part of the name, not a parameter.
  assert.is(new RpcError(420, '2FA_CONFIRM_WAIT_60').template, '2FA_CONFIRM_WAIT_%d');
});

test('RpcError.is: by template with %d, by name without number, by exact text, by code', () => {
  const e: unknown = new RpcError(420, 'FLOOD_WAIT_30');
  assert.ok(RpcError.is(e, 'FLOOD_WAIT_%d'));
  assert.ok(RpcError.is(e, 'FLOOD_WAIT'));
  assert.ok(RpcError.is(e, 'FLOOD_WAIT_30'));
  assert.ok(RpcError.is(e, 420));
  assert.ok(RpcError.is(e));
  assert.not.ok(RpcError.is(e, 'FLOOD_PREMIUM_WAIT_%d'));
  assert.not.ok(RpcError.is(e, 'SLOWMODE_WAIT_%d'));
  assert.not.ok(RpcError.is(e, 'FLOOD_WAIT_3'));
  assert.not.ok(RpcError.is(e, 303));
  assert.not.ok(RpcError.is(new TransportError('x'), 'FLOOD_WAIT_%d'));
  assert.not.ok(RpcError.is(new Error('FLOOD_WAIT_30')));
  assert.ok(RpcError.is(new RpcError(400, 'FILE_PART_7_MISSING'), 'FILE_PART_%d_MISSING'));
  // Regex characters in a pattern are literal.
  assert.not.ok(RpcError.is(new RpcError(400, 'AXB'), 'A.B'));
  if (RpcError.is(e, 'FLOOD_WAIT_%d')) assert.is(e.seconds, 30); // narrowed
});

test('RpcError.is: recognises an error from another copy of the library', () => {
  const foreign = Object.assign(Object.create(RpcError.prototype) as RpcError, {});
  Object.defineProperty(foreign, 'text', { value: 'PHONE_CODE_INVALID' });
  Object.defineProperty(foreign, 'errorName', { value: 'PHONE_CODE_INVALID' });
  assert.ok(RpcError.is(foreign, 'PHONE_CODE_INVALID'));
});

test('rpc-error-catalog.ts matches schema/errors.json (regenerate with build/generate-rpc-error-catalog.ts)', () => {
  const json = readErrorsJson();
  const onDisk = fs.readFileSync(new URL('../ts/rpc-error-catalog.ts', import.meta.url), 'utf8');
  assert.is(onDisk, renderRpcErrorCatalog(json));
  assert.ok(Object.keys(json.errors).length > 700);
  // Types: known names type-check, the code is in the type.
  const t: RpcErrorTemplate = 'FLOOD_WAIT_%d';
  const code: RpcErrorCatalog['SESSION_PASSWORD_NEEDED'] = 401;
  const signIn: RpcErrorsOfMethod['auth.signIn'] = 'PHONE_CODE_INVALID';
  assert.is(t, 'FLOOD_WAIT_%d');
  assert.is(code, json.errors.SESSION_PASSWORD_NEEDED!.code);
  assert.ok(json.methods['auth.signIn']!.throws[signIn] !== undefined);
});

test.run();
