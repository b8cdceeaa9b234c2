/**
 * GramJS (`telegram`) as a suite implementation, through its exported API:
 * `TelegramClient` with a `MemorySession` on DC 2, its default
 * `ConnectionTCPFull` framing, `client.invoke(new Api...)`.
 *
 * Three things had to be worked around, all on GramJS's side of the fence:
 *
 * - GramJS's Node client connects to port 80 whatever the session says
 *   (`TelegramClient.connect` passes `port: useWSS ? 443 : 80`), so the
 *   connection class it is given is a subclass of `ConnectionTCPFull` that
 *   fills in the bench server's address.
 * - Its key exchange sends the legacy `p_q_inner_data` (no DC id), which the
 *   test server refuses (it takes `p_q_inner_data_dc` / `_temp_dc` only). So
 *   no cold start is measured, and the key is made and signed in by
 *   wasmgram's exchange, then loaded into the session as a stored key.
 * - It decodes in its own layer (older than the server's), so it would choke
 *   on the `User` of `auth.signIn`; signing in on wasmgram's side avoids
 *   reading one. The timed requests (Bool, upload.file, nearestDc) read the
 *   same in both layers.
 *
 * `StringSession` cannot hold a port above 32767 (it writes an int16), hence `MemorySession`.
 */
import { createRequire } from 'node:module';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { dc2, type Impl, type OpenClient } from './impls.js';
import type { ServerInfo } from './server.js';
import { signedInKey } from './wasmgram.js';

const require = createRequire(import.meta.url);

/* The slice of GramJS's API used here (it ships CommonJS with loose types). */
type Ctor = new (args?: Record<string, unknown>) => object;
interface GramClient {
  connect(): Promise<boolean>;
  invoke(request: object): Promise<Record<string, unknown>>;
  destroy(): Promise<void>;
}
type BigIntLib = (value: string | number) => object;

export function loadGramJs(server: ServerInfo, crypto: CryptoProvider): Impl {
  const telegram = require('telegram') as {
    TelegramClient: new (...a: unknown[]) => GramClient;
    Api: Record<string, Record<string, Ctor> & Ctor>;
  };
  const { MemorySession } = require('telegram/sessions') as {
    MemorySession: new () => { setDC(id: number, ip: string, port: number): void; setAuthKey(k: unknown): void };
  };
  const { Logger } = require('telegram/extensions') as { Logger: new (level: string) => unknown };
  const { ConnectionTCPFull } = require('telegram/network') as { ConnectionTCPFull: new (o: Record<string, unknown>) => object };
  const { AuthKey } = require('telegram/crypto/AuthKey') as { AuthKey: new () => { setKey(k: Buffer): Promise<void> } };
  const bigInt = createRequire(require.resolve('telegram'))('big-integer') as BigIntLib;
  const version = (require('telegram/package.json') as { version: string }).version;
  const { Api, TelegramClient } = telegram;
  const dc = dc2(server);

  class BenchConnection extends ConnectionTCPFull {
    constructor(options: Record<string, unknown>) {
      super({ ...options, ip: dc.host, port: dc.port });
    }
  }

  const emptyRef = Buffer.alloc(0);
  return {
    name: 'gramjs',
    version: `telegram ${version}`,
    coldStartUnavailable:
      'GramJS sends the legacy p_q_inner_data (no DC id) in its key exchange, which the test server refuses (it accepts p_q_inner_data_dc/_temp_dc only)',
    async openSignedIn(phone) {
      const { key } = await signedInKey(server, crypto, phone);
      const session = new MemorySession();
      session.setDC(2, dc.host, dc.port);
      const authKey = new AuthKey();
      await authKey.setKey(Buffer.from(key));
      session.setAuthKey(authKey);
      const client = new TelegramClient(session, 1, 'bench', {
        connection: BenchConnection,
        connectionRetries: 1,
        autoReconnect: false,
        receiveUpdates: false,
        baseLogger: new Logger('error'),
      });
      if (!(await client.connect())) throw new Error('GramJS did not connect');
      const open: OpenClient = {
        async nearestDc() {
          return (await client.invoke(new Api.help!.GetNearestDc!())).thisDc as number;
        },
        async saveFilePart(fileId, part, bytes) {
          const r = await client.invoke(
            new Api.upload!.SaveFilePart!({
              fileId: bigInt(fileId.toString()),
              filePart: part,
              bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
            }),
          );
          return (r as unknown) === true;
        },
        async getFile(fileId, offset, limit) {
          const location = new Api.InputDocumentFileLocation!({
            id: bigInt(fileId.toString()),
            accessHash: bigInt(0),
            fileReference: emptyRef,
            thumbSize: '',
          });
          const r = await client.invoke(new Api.upload!.GetFile!({ location, offset: bigInt(offset), limit }));
          if (r.className !== 'upload.File') throw new Error(`upload.getFile answered ${String(r.className)}`);
          return r.bytes as Uint8Array;
        },
        close: () => client.destroy(),
      };
      return open;
    },
    notes: [
      '`gramjs`: TelegramClient with a MemorySession and its default TCPFull framing; the connection class is a ConnectionTCPFull subclass that fills in the ' +
        "server's address (GramJS's Node client always dials port 80). Its auth key is made and signed in by wasmgram's key exchange and loaded as a stored " +
        'key: GramJS sends the legacy p_q_inner_data, which the test server refuses, and decodes an older layer, so it cannot read the User of auth.signIn.',
    ],
  };
}
