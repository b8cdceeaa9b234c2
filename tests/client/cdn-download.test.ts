/**
 * e2e: downloads through the test server's CDN DC (https://core.telegram.org/cdn)
 * — `upload.fileCdnRedirect`, the CDN keys from `help.getCdnConfig`, no
 * login carried to the CDN DC, AES-256-CTR with the offset-derived IV, every
 * 128 KiB part checked by SHA-256 (hashes from the redirect and from
 * `upload.getCdnFileHashes`), a corrupted part refused with a SecurityError,
 * `upload.cdnFileReuploadNeeded` → `upload.reuploadCdnFile` → retry; and
 * FILE_MIGRATE_X remembered per file.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Document, TelegramClient } from '../../ts/client/index.js';
import { SecurityError } from '../../ts/errors.js';
import type { Logger } from '../../ts/logger.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { type CdnStore, cdnStore } from '../../ts/testing/telegram/methods/cdn-store.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
let alice: TelegramClient;
let cdn: CdnStore;
const lines: string[] = [];
const CDN_DC = 4;
const KB = 1024;

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

async function send(data: Uint8Array): Promise<Document> {
  const m = await within(alice.sendMedia('me', { document: data, mimeType: 'application/octet-stream' }), 8000, 'send');
  return m.media as Document;
}

test.before(async () => {
  server = await startServer({ dcs: [1, 2, 3, CDN_DC] });
  cdn = cdnStore(server.backend).enable({ dcId: CDN_DC, publicKeyPem: server.publicKeyPem });
  const u = new ScriptedWorld(server.backend).user({ firstName: 'Alice' });
  const logger: Logger = { level: 'info', log: (_, message) => void lines.push(message) };
  alice = await clientFor(server, { logger });
  await within(alice.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
});
test.after(async () => {
  await alice.close();
  await server.stop();
});

test('help.getConfig marks the CDN DC; help.getCdnConfig lists its RSA key', async () => {
  const config = await alice.invoke({ _: 'help.getConfig' });
  assert.ok(config.dc_options.some((o) => o.id === CDN_DC && o.cdn === true));
  const cdnConfig = await alice.invoke({ _: 'help.getCdnConfig' });
  assert.equal(
    cdnConfig.public_keys.map((k) => k.dc_id),
    [CDN_DC],
  );
  assert.match(cdnConfig.public_keys[0]!.public_key, /BEGIN RSA PUBLIC KEY/);
});

test('a redirected download matches the original: decrypted per offset IV, every part hash-checked, no login on the CDN DC', async () => {
  const data = bytes(2 * 1024 * KB + 5000, 1); // past the 8 hashes of the redirect: getCdnFileHashes is needed
  const doc = await send(data);
  const before = { ...cdn.stats };
  const progress: number[] = [];
  const back = await within(alice.downloadToBuffer(doc, { onProgress: (n) => progress.push(n) }), 10_000, 'cdn download');
  assert.ok(same(back, data));
  assert.is(progress[progress.length - 1], data.length);
  assert.ok(cdn.stats.redirects > before.redirects, 'redirected');
  assert.ok(cdn.stats.cdnFileRequests - before.cdnFileRequests >= 5, 'parts came from the CDN');
  assert.ok(cdn.stats.hashRequests > before.hashRequests, 'hashes past the first MiB were asked for');
  assert.not.ok(
    lines.some((l) => l.includes(`carrying the login`) && l.includes(`DC ${CDN_DC}`)),
    'no auth transfer to the CDN DC',
  );
});

test('ranges and small parts through the CDN: a part smaller than 128 KiB is read as its hash part and cut', async () => {
  const data = bytes(700 * KB, 2);
  const doc = await send(data);
  const r1 = await alice.downloadToBuffer(doc, { offset: 200_000, length: 5000, partSize: 64 * KB });
  assert.ok(same(r1, data.subarray(200_000, 205_000)));
  const r2 = await alice.downloadToBuffer(doc, { partSize: 32 * KB });
  assert.ok(same(r2, data));
  const chunks: Uint8Array[] = [];
  for await (const c of alice.iterDownload(doc, { offset: 600 * KB })) chunks.push(c);
  assert.ok(same(Buffer.concat(chunks), data.subarray(600 * KB)));
});

test('a corrupted CDN part is detected by its SHA-256 and refused with a SecurityError', async () => {
  const data = bytes(600 * KB, 3);
  const doc = await send(data);
  assert.ok(same(await alice.downloadToBuffer(doc), data));
  cdn.corruptPart(doc.id, 2);
  try {
    await within(alice.downloadToBuffer(doc), 8000, 'corrupted download');
    assert.unreachable('a corrupted part was accepted');
  } catch (e) {
    assert.instance(e, SecurityError, String(e));
    assert.is((e as SecurityError).check, 'cdn_file_hash');
  }
  // Parts before the corrupted one are still good (a range that avoids it, in 128 KiB parts, downloads).
  assert.ok(same(await alice.downloadToBuffer(doc, { length: 256 * KB, partSize: 128 * KB }), data.subarray(0, 256 * KB)));
});

test('cdnFileReuploadNeeded: the client asks the master DC to reupload (upload.reuploadCdnFile), then retries', async () => {
  const data = bytes(900 * KB, 4);
  const doc = await send(data);
  assert.ok(same(await alice.downloadToBuffer(doc), data));
  cdn.evict(doc.id);
  const before = { ...cdn.stats };
  assert.ok(same(await within(alice.downloadToBuffer(doc), 8000, 'reupload download'), data));
  assert.ok(cdn.stats.reuploadsNeeded > before.reuploadsNeeded);
  assert.is(cdn.stats.reuploads - before.reuploads, 1, 'one reupload shared by the parallel parts');
});

test('cdn: false downloads from the master DC without a redirect', async () => {
  const data = bytes(300 * KB, 5);
  const doc = await send(data);
  const before = cdn.stats.redirects;
  assert.ok(same(await alice.downloadToBuffer(doc, { cdn: false }), data));
  assert.is(cdn.stats.redirects, before);
});

test('FILE_MIGRATE_X is remembered per file: one migration, then every part and the next download go to the right DC', async () => {
  cdn.redirectAll = false; // plain getFile for this test
  try {
    const data = bytes(3 * 512 * KB, 6);
    const doc = await send(data);
    const loc = doc.location();
    const other = loc.dcId === 1 ? 2 : 1;
    const migrations = () => lines.filter((l) => l.startsWith('FILE_MIGRATE')).length;
    const m0 = migrations();
    assert.ok(same(await alice.downloadToBuffer({ ...loc, dcId: other }, { connections: 1, requestsPerConnection: 1 }), data));
    assert.is(migrations() - m0, 1, 'later parts went straight to the file DC');
    assert.ok(same(await alice.downloadToBuffer({ ...loc, dcId: other }), data));
    assert.is(migrations() - m0, 1, 'the next download too');
  } finally {
    cdn.redirectAll = true;
  }
});

test.run();
