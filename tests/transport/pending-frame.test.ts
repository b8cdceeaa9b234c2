/**
 * `FrameCodec.pendingFrame`: the announced length of the frame being
 * received and its first payload bytes (an MTProto packet's auth_key_id),
 * so a server can tell a real client's large packet from a peer that only
 * makes it buffer.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CODEC_KINDS, createCodec } from '../../ts/transport/codec.js';
import { counting, hex } from './_support.js';

for (const kind of CODEC_KINDS) {
  test(`pending frame: ${kind} reports the announced length and up to 8 payload bytes`, () => {
    const client = createCodec(kind, 'client');
    const server = createCodec(kind, 'server');
    assert.is(server.pendingFrame(), undefined);
    const payload = counting(4000, 1);
    const wire = client.encode(payload);
    const head = kind === 'abridged' ? 4 : kind === 'full' ? 8 : 4;
    server.feed(wire.subarray(0, head + 3));
    const p = server.pendingFrame();
    assert.ok(p);
    assert.ok(p!.length >= 4000 && p!.length < 4016, String(p!.length));
    assert.is(hex(p!.prefix), hex(payload.subarray(0, 3)));
    server.feed(wire.subarray(head + 3, head + 20));
    assert.is(hex(server.pendingFrame()!.prefix), hex(payload.subarray(0, 8)));
    server.feed(wire.subarray(head + 20));
    assert.is(server.pendingFrame(), undefined, 'nothing pending between frames');
  });
}

test.run();
