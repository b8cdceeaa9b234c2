/**
 * GramJS's side of the transfers bench (the `telegram` package, layer 198,
 * served through the test server's layer conversion, ts/testing/layers):
 * `uploadFile` (`upload.saveBigFilePart` from 10 MB) then `sendFile` with
 * the uploaded `InputFileBig` (`messages.sendMedia` to Saved Messages) up,
 * `downloadMedia` down (`upload.getFile` in 512 KiB parts), with GramJS's
 * defaults: one upload worker (sendFile's `workers = 1`) and a sequential
 * download (downloadMedia has no parallel option). `uploadFile` is called
 * directly because sendFile refuses an in-memory buffer past 20 MB (its
 * default `maxBufferSize`; it wants a file path there).
 *
 * Pointed at the server as in bench/mtproto/gramjs.ts and
 * tests/testing/interop-gramjs.test.ts: the server's RSA key added to
 * `telegram/crypto/RSA`'s `_serverKeys`, a `ConnectionTCPFull` subclass that
 * fills in the server's address (GramJS's Node client dials port 80 whatever
 * the session says), a `MemorySession` (a StringSession cannot hold a port
 * above 32767). It signs in with `start()` to the number wasmgram signed up.
 */
import { createRequire } from 'node:module';
import { type Api, TelegramClient } from 'telegram';
import { CustomFile } from 'telegram/client/uploads.js';
import { Logger } from 'telegram/extensions/Logger.js';
import { ConnectionTCPFull } from 'telegram/network/index.js';
import { MemorySession } from 'telegram/sessions/index.js';
import type { BenchServer } from '../mtproto/server.js';
import type { TransferImpl } from './index.js';
import { BENCH_PHONE } from './wasmgram.js';

const require = createRequire(import.meta.url);

/** Adds the server's RSA key to GramJS's table of trusted keys (keyed by the signed decimal fingerprint). */
function trustServerKey(server: BenchServer): void {
  const rsa = require('telegram/crypto/RSA') as { _serverKeys: Map<string, { n: unknown; e: number }> };
  const bigInt = createRequire(require.resolve('telegram'))('big-integer') as (v: string) => unknown;
  const { n, e, fingerprint } = server.rsaPublicKey;
  rsa._serverKeys.set(BigInt.asIntN(64, fingerprint).toString(), { n: bigInt(n.toString()), e: Number(e) });
}

/** A signed-in GramJS client on DC 2 of the bench server, as the transfers suite drives it. */
export async function gramjsTransfers(server: BenchServer): Promise<TransferImpl> {
  const dc = server.dcs.find((d) => d.id === 2);
  if (!dc) throw new Error('bench server does not run DC 2');
  trustServerKey(server);
  class ToServer extends ConnectionTCPFull {
    constructor(options: ConstructorParameters<typeof ConnectionTCPFull>[0]) {
      super({ ...options, ip: dc!.host, port: dc!.port });
    }
  }
  const session = new MemorySession();
  session.setDC(2, dc.host, dc.port);
  const client = new TelegramClient(session, 12345, '0123456789abcdef0123456789abcdef', {
    connection: ToServer,
    // GramJS fails 1 key exchange in 256 on its side (it drops leading zero bytes of g^ab) and, with one attempt,
    // hangs instead of failing: the second attempt makes a new key.
    connectionRetries: 3,
    autoReconnect: false,
    baseLogger: new Logger('error' as never),
  });
  await client.start({
    phoneNumber: BENCH_PHONE,
    phoneCode: async () => '22222',
    onError: (e) => {
      throw e;
    },
  });
  return {
    name: 'GramJS',
    async upload(data) {
      const buffer = Buffer.from(data.buffer, data.byteOffset, data.length);
      // sendFile alone refuses a buffer past 20 MB (maxBufferSize; it wants a path): uploadFile takes the limit, with sendFile's one worker.
      const file = await client.uploadFile({
        file: new CustomFile('bench.bin', data.length, '', buffer),
        workers: 1,
        maxBufferSize: data.length + 1,
      });
      return client.sendFile('me', { file, forceDocument: true });
    },
    async download(handle) {
      const out = await client.downloadMedia(handle as Api.Message, {});
      if (!(out instanceof Uint8Array)) throw new Error('GramJS downloadMedia gave no buffer');
      return out;
    },
    async close() {
      // destroy() leaves the senders GramJS opened for file transfers connected (it walks Object.values of a Map).
      const exported = (client as unknown as { _exportedSenderPromises: Map<number, Promise<{ disconnect(): Promise<void> }>> })
        ._exportedSenderPromises;
      const senders = await Promise.all([...exported.values()].map((p) => p.catch(() => undefined)));
      await client.destroy();
      for (const s of senders) await s?.disconnect().catch(() => undefined);
    },
  };
}
