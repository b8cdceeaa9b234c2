/**
 * GramJS (the `telegram` package, layer 198) logs in to the test server
 * through its own high-level API and its own auth key: key exchange (legacy
 * `p_q_inner_data`) → `invokeWithLayer(198, initConnection(help.getConfig))`
 * → `start()` (auth.sendCode → auth.signIn) → getMe → a message to Saved
 * Messages → read back. The server reads its requests with the layer-198
 * schema and answers in layer 198 (ts/testing/layers). Over TCP (its
 * default full framing, and obfuscated) and over WebSocket (`/apiws_test`,
 * what GramJS opens in test mode).
 *
 * Pointing GramJS at the server, as a user would (docs/testing.md):
 * - the RSA key: `telegram/crypto/RSA`'s `_serverKeys`, keyed by the signed
 *   decimal fingerprint, gets the server's `{ n, e }`;
 * - the address: `session.setDC(2, host, port)`; its Node client dials the
 *   default port whatever the session says, so the connection class is a
 *   subclass that fills in the server's host and port;
 * - WebSocket: `networkSocket: PromisedWebSockets` with `testServers: true`.
 */
import { createRequire } from 'node:module';
import { Api, TelegramClient } from 'telegram';
import { PromisedWebSockets } from 'telegram/extensions/PromisedWebSockets.js';
import { Logger } from 'telegram/extensions/Logger.js';
import { CustomFile } from 'telegram/client/uploads.js';
import { ConnectionTCPFull, ConnectionTCPObfuscated } from 'telegram/network/index.js';
import { StringSession } from 'telegram/sessions/index.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TestServer, TestServerOptions } from '../../ts/testing/index.js';
import type { TraceRecord } from '../../ts/testing/trace/index.js';
import { startServer, within } from './server-harness.js';

const require = createRequire(import.meta.url);
const FLOW_MS = 20_000;
/** GramJS's integer library (its `long` fields take its values). */
const bigInt = createRequire(require.resolve('telegram'))('big-integer') as (v: string) => Api.long;

type Transport = 'tcp-full' | 'tcp-obfuscated' | 'websocket';

/** Adds the server's public key to GramJS's table of trusted keys (by signed fingerprint). */
function trustServerKey(server: TestServer): void {
  const rsa = require('telegram/crypto/RSA') as { _serverKeys: Map<string, { n: unknown; e: number }> };
  const { n, e } = server.rsaPublicKey;
  rsa._serverKeys.set(BigInt.asIntN(64, server.fingerprint).toString(), { n: bigInt(n.toString()), e: Number(e) });
}

/** A GramJS client for DC 2 of `server` over `transport`, with a fresh StringSession (it makes its own auth key). */
function gramClient(server: TestServer, transport: Transport): TelegramClient {
  const dc = server.dcs.find((d) => d.id === 2)!;
  const port = transport === 'websocket' ? dc.wsPort! : dc.port;
  const Base = (transport === 'tcp-full' ? ConnectionTCPFull : ConnectionTCPObfuscated) as typeof ConnectionTCPFull;
  // GramJS dials port 80 (443 with useWSS) whatever the session says: this fills in the server's.
  class ToServer extends Base {
    constructor(options: ConstructorParameters<typeof Base>[0]) {
      super({ ...options, ip: dc.host, port });
    }
  }
  const session = new StringSession('');
  session.setDC(2, dc.host, port);
  return new TelegramClient(session, 12345, '0123456789abcdef0123456789abcdef', {
    connection: ToServer,
    networkSocket: transport === 'websocket' ? PromisedWebSockets : undefined,
    testServers: true,
    // GramJS drops leading zero bytes of g^ab (Helpers.getByteArray), so 1 key exchange in 256 fails on its side
    // ("Step 3 invalid new nonce hash") — with Telegram too — and with one attempt start() then hangs: it retries.
    connectionRetries: 3,
    retryDelay: 100,
    autoReconnect: false,
    baseLogger: new Logger('error' as never),
  });
}

/**
 * Runs `fn` with a server on ports below 32768: GramJS's StringSession
 * stores the port as an int16 and its client saves the session after the
 * key exchange. A taken port range is retried with another.
 */
async function withLowPorts<T>(fn: (server: TestServer) => Promise<T>, options: TestServerOptions): Promise<T> {
  let server: TestServer | undefined;
  for (let attempt = 0; !server; attempt++) {
    const basePort = 20_000 + 200 * Math.floor(Math.random() * 60);
    try {
      server = await startServer({ ...options, basePort });
    } catch (e) {
      if (attempt >= 5 || (e as { code?: string }).code !== 'EADDRINUSE') throw e;
    }
  }
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function loginAndChat(transport: Transport): Promise<TraceRecord[]> {
  const phone = '9996621234';
  const records: TraceRecord[] = [];
  await withLowPorts(
    async (server) => {
      server.backend.addUser({ phone, firstName: 'Gram', lastName: 'JS' });
      trustServerKey(server);
      const client = gramClient(server, transport);
      try {
        await within(
          client.start({
            phoneNumber: phone,
            phoneCode: async () => '22222',
            onError: (e) => {
              throw e;
            },
          }),
          `GramJS start over ${transport}`,
          FLOW_MS,
        );
        const me = (await within(client.getMe(), 'getMe', FLOW_MS)) as Api.User;
        assert.is(me.firstName, 'Gram');
        assert.is(me.lastName, 'JS');
        assert.is(me.self, true);
        assert.is(me.phone, phone);
        const text = `hello from GramJS over ${transport}`;
        const sent = await within(client.sendMessage('me', { message: text }), 'sendMessage', FLOW_MS);
        assert.is(sent.message, text);
        const history = await within(client.getMessages('me', { limit: 10 }), 'getMessages', FLOW_MS);
        assert.ok(
          history.some((m) => m.id === sent.id && m.message === text),
          'the message is in Saved Messages',
        );
        assert.is(server.stats.serviceSent.bad_msg_notification ?? 0, 0, 'no message refused');
        // Its StringSession holds its own auth key and the server's address.
        const saved = client.session.save() as unknown as string;
        assert.ok(typeof saved === 'string' && saved.length > 300, 'StringSession saves');
      } finally {
        await within(client.destroy(), 'GramJS destroy', FLOW_MS);
      }
    },
    { trace: (r) => records.push(r) },
  );
  return records;
}

for (const transport of ['tcp-full', 'tcp-obfuscated', 'websocket'] as const) {
  test(`GramJS (layer 198) over ${transport}: own key exchange → start() → getMe → Saved Messages → history`, async () => {
    const records = await loginAndChat(transport);
    const layerNotes = records.filter((r) => r.event === 'layer');
    assert.ok(
      layerNotes.some((r) => r.detail?.includes('client layer 198')),
      'the trace says the client is served in layer 198',
    );
    assert.ok(
      records.some((r) => r.event === 'key_exchange' && !/fail/i.test(r.detail ?? '')),
      'its own key exchange',
    );
    assert.not.ok(JSON.stringify(records).includes('"22222"'), 'the login code is not in the trace');
    // Trace lines show the layer-198 objects as they went over the wire.
    assert.ok(
      records.some((r) => r.dir === 'in' && r.layer === 198 && r.name === 'messages.sendMessage'),
      'the layer-198 sendMessage in the trace',
    );
    assert.ok(
      records.some((r) => r.dir === 'out' && r.layer === 198 && r.name === 'rpc_result'),
      'answers in the trace, in layer 198',
    );
  });
}

/**
 * GramJS's `destroy()` leaves the senders it opened for file transfers
 * connected (it walks `Object.values` of a Map, which is empty): closes
 * them too, so no socket outlives the test.
 */
async function destroyGramClient(client: TelegramClient): Promise<void> {
  const exported = (client as unknown as { _exportedSenderPromises: Map<number, Promise<{ disconnect(): Promise<void> }>> })
    ._exportedSenderPromises;
  const senders = await Promise.all([...exported.values()].map((p) => p.catch(() => undefined)));
  await client.destroy();
  for (const s of senders) await s?.disconnect().catch(() => undefined);
}

/** Bytes no two parts of which are alike (a part sent twice or out of place shows in the comparison). */
function pattern(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

/** A PNG signature and IHDR of `w`×`h` followed by `rest` (the server reads only the header). */
function pngBytes(w: number, h: number, rest: Buffer): Buffer {
  const head = Buffer.alloc(33);
  head.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(w, 16);
  head.writeUInt32BE(h, 20);
  head.set([8, 6, 0, 0, 0], 24);
  return Buffer.concat([head, rest]);
}

test('GramJS (layer 198) files: sendFile (upload.saveFilePart; a document and a photo) and saveBigFilePart + InputFileBig to Saved Messages, downloadMedia (upload.getFile) gives the bytes back; downloadProfilePhoto by peer', async () => {
  const phone = '9996621235';
  const records: TraceRecord[] = [];
  await withLowPorts(
    async (server) => {
      server.backend.addUser({ phone, firstName: 'Gram' });
      trustServerKey(server);
      const client = gramClient(server, 'tcp-full');
      try {
        await within(
          client.start({
            phoneNumber: phone,
            phoneCode: async () => '22222',
            onError: (e) => {
              throw e;
            },
          }),
          'GramJS start',
          FLOW_MS,
        );
        // Small file: GramJS's uploadFile in 128 KiB saveFilePart parts (files up to 10 MB), its default one worker.
        const small = pattern(300_000, 7);
        const sent = await within(
          client.sendFile('me', { file: new CustomFile('small.bin', small.length, '', small), forceDocument: true }),
          'sendFile',
          FLOW_MS,
        );
        const media = sent.media as Api.MessageMediaDocument;
        assert.is(media.className, 'MessageMediaDocument');
        const doc = media.document as Api.Document;
        assert.is(doc.className, 'Document');
        assert.is(doc.size.toString(), String(small.length));
        assert.is(doc.dcId, 2);
        assert.ok(
          doc.attributes.some((a) => a instanceof Api.DocumentAttributeFilename && a.fileName === 'small.bin'),
          'the file name attribute',
        );
        const back = (await within(client.downloadMedia(sent, {}), 'downloadMedia', FLOW_MS)) as Buffer;
        assert.ok(Buffer.isBuffer(back) && back.equals(small), 'downloadMedia gives the uploaded bytes');

        // A photo (GramJS picks inputMediaUploadedPhoto by the name): inputMediaUploadedPhoto and
        // messageMediaPhoto are constructors layer 227 changed (live_photo, video), converted both ways.
        const photo = pngBytes(320, 240, pattern(20_000, 11));
        const photoMsg = await within(
          client.sendFile('me', { file: new CustomFile('photo.png', photo.length, '', photo) }),
          'sendFile (photo)',
          FLOW_MS,
        );
        const photoMedia = photoMsg.media as Api.MessageMediaPhoto;
        assert.is(photoMedia.className, 'MessageMediaPhoto');
        const sizes = (photoMedia.photo as Api.Photo).sizes;
        assert.ok(
          sizes.some((z) => z instanceof Api.PhotoSize && z.w === 320 && z.h === 240),
          'the photo size the server read from the header',
        );
        const photoBack = (await within(client.downloadMedia(photoMsg, {}), 'downloadMedia (photo)', FLOW_MS)) as Buffer;
        assert.ok(Buffer.isBuffer(photoBack) && photoBack.equals(photo), 'the photo comes back as sent');

        // The same kind of photo as the profile photo, read back by peer (inputPeerPhotoFileLocation).
        const avatar = pngBytes(160, 160, pattern(5_000, 13));
        const avatarFile = await within(
          client.uploadFile({ file: new CustomFile('me.png', avatar.length, '', avatar), workers: 1 }),
          'uploadFile (avatar)',
          FLOW_MS,
        );
        await within(client.invoke(new Api.photos.UploadProfilePhoto({ file: avatarFile })), 'photos.uploadProfilePhoto', FLOW_MS);
        const avatarBack = (await within(client.downloadProfilePhoto('me', { isBig: true }), 'downloadProfilePhoto', FLOW_MS)) as Buffer;
        assert.ok(Buffer.isBuffer(avatarBack) && avatarBack.equals(avatar), 'downloadProfilePhoto gives the profile photo');
        try {
          await client.invoke(
            new Api.upload.GetFile({
              location: new Api.InputPeerPhotoFileLocation({ peer: new Api.InputPeerSelf(), photoId: bigInt('1'), big: true }),
              offset: bigInt('0'),
              limit: 4096,
            }),
          );
          assert.unreachable('a photo id the peer does not have');
        } catch (e) {
          assert.is((e as { errorMessage?: string }).errorMessage, 'LOCATION_INVALID');
        }

        // Big file (what GramJS sends past 10 MB), kept small: 64 KiB parts and a short last one, in its own layer.
        const partSize = 64 * 1024;
        const big = pattern(2 * partSize + 1000, 9);
        const fileId = bigInt('20261207');
        const parts = Math.ceil(big.length / partSize);
        for (let i = 0; i < parts; i++) {
          const ok = await within(
            client.invoke(
              new Api.upload.SaveBigFilePart({
                fileId: fileId,
                filePart: i,
                fileTotalParts: parts,
                bytes: big.subarray(i * partSize, (i + 1) * partSize),
              }),
            ),
            `saveBigFilePart ${i}`,
            FLOW_MS,
          );
          assert.is(ok, true, `part ${i} saved`);
        }
        const bigMsg = await within(
          client.sendFile('me', {
            file: new Api.InputFileBig({ id: fileId, parts, name: 'big.bin' }),
            forceDocument: true,
          }),
          'sendFile(InputFileBig)',
          FLOW_MS,
        );
        const bigDoc = (bigMsg.media as Api.MessageMediaDocument).document as Api.Document;
        assert.is(bigDoc.size.toString(), String(big.length));
        const bigBack = (await within(client.downloadMedia(bigMsg, {}), 'downloadMedia (big)', FLOW_MS)) as Buffer;
        assert.ok(Buffer.isBuffer(bigBack) && bigBack.equals(big), 'the big file comes back whole');

        // A part of it by offset, as a resumed download asks.
        const slice = (await within(
          client.invoke(
            new Api.upload.GetFile({
              location: new Api.InputDocumentFileLocation({
                id: bigDoc.id,
                accessHash: bigDoc.accessHash,
                fileReference: bigDoc.fileReference,
                thumbSize: '',
              }),
              offset: bigInt(String(partSize)),
              limit: partSize,
            }),
          ),
          'upload.getFile',
          FLOW_MS,
        )) as Api.upload.File;
        assert.is(slice.className, 'upload.File');
        assert.ok(Buffer.from(slice.bytes).equals(big.subarray(partSize, 2 * partSize)), 'the part at the offset');
        assert.is(server.stats.serviceSent.bad_msg_notification ?? 0, 0, 'no message refused');
      } finally {
        await within(destroyGramClient(client), 'GramJS destroy', FLOW_MS);
      }
    },
    { trace: (r) => records.push(r) },
  );
  for (const name of ['upload.saveFilePart', 'upload.saveBigFilePart', 'messages.sendMedia', 'upload.getFile']) {
    assert.ok(
      records.some((r) => r.dir === 'in' && r.layer === 198 && r.name === name),
      `${name} read in layer 198`,
    );
  }
  const notes = records.filter((r) => r.dir === 'note' && /written as|dropped|left out/.test(r.detail ?? ''));
  assert.equal(
    notes.map((r) => r.detail),
    [],
    'no media object replaced or dropped on the way down',
  );
});

test.run();
