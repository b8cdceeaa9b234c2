/**
 * The start-up path's readers ship prebuilt (ts/tl/generated/readers.ts,
 * written by build/generate-tl.ts from ts/tl/codec/codegen.ts): they
 * must be exactly what `compileReader` would build from the same table, for
 * the definitions the generator names, and decode like the table walker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildConfig } from '../../ts/testing/telegram/config.js';
import { readerFor } from '../../ts/tl/codec/compile.js';
import { decode, encode } from '../../ts/tl/codec/index.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import { readerSource, writerSource } from '../../ts/tl/codec/codegen.js';
import { isPrebuiltApiReader } from '../../ts/tl/codec/prebuilt-set.js';
import { DEF_FUNCTION, DEF_MTPROTO } from '../../ts/tl/codec/schema-table.js';
import { STARTUP_READERS } from '../../ts/tl/generated/readers.js';
import { STARTUP_WRITERS } from '../../ts/tl/generated/writers.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const generated = fs.readFileSync(path.join(root, 'ts/tl/generated/readers.ts'), 'utf8');
const generatedWriters = fs.readFileSync(path.join(root, 'ts/tl/generated/writers.ts'), 'utf8');
const s = getSchema();
const keys = Object.keys(STARTUP_READERS).map(Number);

test('startup readers: every MTProto constructor and the prebuilt API set (prebuilt-set.ts), no function, nothing else', () => {
  const want: string[] = [];
  for (let d = 0; d < s.defCount; d++) {
    if ((s.flags[d]! & DEF_FUNCTION) !== 0) continue;
    if ((s.flags[d]! & DEF_MTPROTO) !== 0 || isPrebuiltApiReader(s.names[d]!)) want.push(s.names[d]!);
  }
  assert.equal(keys.map((d) => s.names[d]).sort(), want.sort());
  for (const n of [
    'config',
    'dcOption',
    'updates.state',
    // What a history page, a dialog list and an update batch are made of.
    'messages.messages',
    'messages.channelMessages',
    'message',
    'messageService',
    'peerUser',
    'peerChat',
    'peerChannel',
    'messageReplyHeader',
    'messageEntityBold',
    'messageEntityTextUrl',
    'messageEntityCustomEmoji',
    'user',
    'userProfilePhoto',
    'userStatusOffline',
    'chat',
    'channel',
    'updates',
    'updateShortSentMessage',
    'updateNewMessage',
    'messages.affectedMessages',

    'msg_container',
    'message',
    'rpc_result',
    'rpc_error',
    'gzip_packed',
    'new_session_created',
    'bad_server_salt',
    'pong',
  ]) {
    assert.ok(want.includes(n), n);
  }
});

test('startup readers: each is the source compileReader builds from this table (no drift)', () => {
  for (const d of keys) assert.ok(generated.includes(`  ${d}: function (newCaches) {\n${readerSource(s, d, true)}\n  },`), s.names[d]);
});

test('startup readers: the codec uses them for the generated layer', () => {
  for (const d of keys.slice(0, 5)) {
    const f = readerFor(s, d);
    assert.ok(f !== null);
    assert.is(f, readerFor(s, d), 'built once');
  }
});

test('startup readers: a container with new_session_created and rpc_result(config) decodes like the table walker', () => {
  // The test server's config (every limit Telegram's has), with the dcOption flags varied.
  const config = buildConfig({ thisDc: 2, dcs: [1, 2, 3].map((id) => ({ id, ip: `127.0.0.${id}`, port: 443 })), now: 1_700_000_000 });
  config.dc_options = config.dc_options.map((o) => ({ ...o, ipv6: false, media_only: o.id === 3 }));
  const body = { _: 'rpc_result', req_msg_id: 0x6530_0000_0000_1000n, result: config };
  const nsc = { _: 'new_session_created', first_msg_id: 0x6530_0000_0000_1000n, unique_id: -5n, server_salt: 0x0102_0304_0506_0708n };
  const msg = (seqno: number, b: object) => ({
    _: 'message',
    msg_id: 0x6530_0000_0000_0001n + BigInt(seqno) * 4n,
    seqno,
    bytes: encode(b as AnyTlObject).length,
    body: b,
  });
  const bytes = encode({ _: 'msg_container', messages: [msg(1, nsc), msg(3, body)] } as unknown as AnyTlObject);
  const walked = decode(bytes, { compile: false });
  assert.equal(decode(bytes), walked);
  assert.equal(decode(bytes), walked);
});

test('startup writers: the key exchange, the first request with its wrappers, acks and pings; each as compileWriter builds it', () => {
  const names = Object.keys(STARTUP_WRITERS).map((d) => s.names[Number(d)]);
  for (const n of [
    'req_pq_multi',
    'req_DH_params',
    'set_client_DH_params',
    'invokeWithLayer',
    'initConnection',
    'help.getConfig',
    'msgs_ack',
    'ping_delay_disconnect',
  ]) {
    assert.ok(names.includes(n), n);
  }
  for (const d of Object.keys(STARTUP_WRITERS).map(Number)) {
    assert.ok(generatedWriters.includes(`  ${d}: function () {\n${writerSource(s, d)}\n  },`), s.names[d]);
  }
});

test('startup writers: the first request encodes to the same bytes as the table walker, and errors name the field', () => {
  const req = {
    _: 'invokeWithLayer',
    layer: 227,
    query: {
      _: 'initConnection',
      api_id: 17,
      device_model: 'cloud',
      system_version: 'node',
      app_version: '1.0',
      system_lang_code: 'en',
      lang_pack: '',
      lang_code: 'en',
      query: { _: 'help.getConfig' },
    },
  } as unknown as AnyTlObject;
  assert.equal(encode(req), encode(req, { compile: false }));
  const ack = { _: 'msgs_ack', msg_ids: [0x6530_0000_0000_0001n, 5n] } as unknown as AnyTlObject;
  assert.equal(encode(ack), encode(ack, { compile: false }));
  assert.throws(() => encode({ _: 'req_pq_multi' } as unknown as AnyTlObject), /req_pq_multi\.nonce/);
});

test.run();
