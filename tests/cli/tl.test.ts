/**
 * `wasmgram tl decode` and `tl show` as processes, on fixed vectors: the
 * bytes of `help.getNearestDc#1fb33026` (https://core.telegram.org/method/help.getNearestDc)
 * and the resPQ message of https://core.telegram.org/mtproto/samples-auth_key
 * (tests/mtproto/_sample.ts), whose fields the page lists.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RES_PQ } from '../mtproto/_sample.js';
import { run } from './_run.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('tl decode: help.getNearestDc from hex on the command line, from stdin, and raw bytes from @file', async () => {
  const direct = await run(['tl', 'decode', '2630b31f']);
  assert.is(direct.code, 0, direct.stderr);
  assert.equal(JSON.parse(direct.stdout), { _: 'help.getNearestDc' });
  const piped = await run(['tl', 'decode', '-'], { input: '26 30 b3 1f\n' });
  assert.equal(JSON.parse(piped.stdout), { _: 'help.getNearestDc' });
  const dir = mkdtempSync(join(tmpdir(), 'wasmgram-tl-'));
  try {
    writeFileSync(join(dir, 'q.bin'), Uint8Array.of(0x26, 0x30, 0xb3, 0x1f));
    const file = await run(['tl', 'decode', `@${join(dir, 'q.bin')}`]);
    assert.equal(JSON.parse(file.stdout), { _: 'help.getNearestDc' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tl decode: the resPQ sample (an unencrypted MTProto message) with the values the spec page prints', async () => {
  const r = await run(['tl', 'decode', hex(RES_PQ)]);
  assert.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(out.auth_key_id, '0x0000000000000000');
  assert.is(out.msg_id, '0x65abc0fcbe6fc401');
  assert.is(out.message_data_length, 80);
  assert.equal(out.message_data, {
    _: 'resPQ',
    nonce: '15a084b3b9ca2a17f03925f44b78fe68',
    server_nonce: 'd6701fcd212ceb87c966e5318f5564a8',
    pq: '1460e7d3fa727791',
    // The page's fingerprints: 0x0BC35F3509F7B7A5, 0xC3B42B026CE86B21, 0xD09D1D85DE64FD85.
    server_public_key_fingerprints: ['0x0bc35f3509f7b7a5', '0xc3b42b026ce86b21', '0xd09d1d85de64fd85'],
  });
});

test('tl decode --type: bare values (long, Vector<long>, a bare constructor); --decimal', async () => {
  const long = await run(['tl', 'decode', '--type', 'long', '--decimal', 'ffffffffffffffff']);
  assert.is(JSON.parse(long.stdout), '-1');
  const vec = await run(['tl', 'decode', '--type', 'Vector<int>', '15c4b51c020000000100000002000000']);
  assert.equal(JSON.parse(vec.stdout), [1, 2]);
  // nearestDc#8e1a1775 country:string this_dc:int nearest_dc:int, bare: no id.
  const bare = await run(['tl', 'decode', '--type', '%nearestDc', '02444500020000000400000000']);
  assert.is(bare.code, 1, 'a trailing byte is refused');
  assert.match(bare.stderr, /unexpected bytes/);
  const ok = await run(['tl', 'decode', '--type', '%nearestDc', '024445000200000004000000']);
  assert.equal(JSON.parse(ok.stdout), { _: 'nearestDc', country: 'DE', this_dc: 2, nearest_dc: 4 });
});

test('tl decode: not hex is a usage error (2); bytes that are no TL object fail (1) with the offset', async () => {
  const notHex = await run(['tl', 'decode', 'xyz']);
  assert.is(notHex.code, 2);
  const bad = await run(['tl', 'decode', '--type', 'NoSuchType', '00']);
  assert.is(bad.code, 2);
  const truncated = await run(['tl', 'decode', '63241605']);
  assert.is(truncated.code, 1);
  assert.match(truncated.stderr, /byte/);
});

test('tl show messages.sendMessage: id, flags and fields with types, result type, docs', async () => {
  const r = await run(['tl', 'show', 'messages.sendMessage']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /^messages\.sendMessage#fef48f62 flags:# no_webpage:flags\.1\?true /);
  assert.match(r.stdout, /^method +messages\.sendMessage$/m);
  assert.match(r.stdout, /^id +0xfef48f62$/m);
  assert.match(r.stdout, /^returns +Updates$/m);
  assert.match(r.stdout, /^about +Sends a message to a chat$/m);
  assert.match(r.stdout, /^ {2}peer +InputPeer +The destination where the message will be sent$/m);
  assert.match(r.stdout, /^ {2}entities +flags\.3\?Vector<MessageEntity> /m);
  assert.match(r.stdout, /^ {2}random_id +long /m);
});

test('tl show: by id, an MTProto constructor, a type; an unknown name fails (1) with similar names', async () => {
  const byId = await run(['tl', 'show', '#1fb33026']);
  assert.match(byId.stdout, /^help\.getNearestDc#1fb33026 = NearestDc;$/m);
  const mt = await run(['tl', 'show', 'resPQ']);
  assert.match(
    mt.stdout,
    /^resPQ#5162463 nonce:int128 server_nonce:int128 pq:bytes server_public_key_fingerprints:Vector<long> = ResPQ;$/m,
  );
  const type = await run(['tl', 'show', 'InputPeer']);
  assert.match(type.stdout, /^type InputPeer: \d+ constructors$/m);
  assert.match(type.stdout, /^ {2}inputPeerUser$/m);
  const unknown = await run(['tl', 'show', 'messages.sendMesage']);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /similar: .*sendMessage/);
});

test.run();
