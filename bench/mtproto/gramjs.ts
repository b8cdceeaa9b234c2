/**
 * GramJS (`telegram`) as a suite implementation, through its exported API:
 * `TelegramClient` with a `MemorySession` on DC 2, its default
 * `ConnectionTCPFull` framing, `client.invoke(new Api...)`.
 *
 * GramJS makes its own auth key (its key exchange sends the legacy
 * `p_q_inner_data`, which the test server accepts as Telegram does) with the
 * server's key added to `telegram/crypto/RSA`'s `_serverKeys`, and signs in
 * with its own `auth.sendCode` / `auth.signIn` in its layer (198): the server
 * reads and answers that layer through its generated conversion
 * (ts/testing/layers), so the `User` of `auth.signIn` decodes. Its first
 * request goes inside `invokeWithLayer(initConnection(help.getConfig))`, which
 * GramJS sends on connect: the cold start includes that `help.getConfig`.
 *
 * GramJS's Node client connects to port 80 whatever the session says
 * (`TelegramClient.connect` passes `port: useWSS ? 443 : 80`), so the
 * connection class it is given is a subclass of `ConnectionTCPFull` that
 * fills in the bench server's address. `StringSession` cannot hold a port
 * above 32767 (it writes an int16), hence `MemorySession`.
 */
import { createRequire } from 'node:module';
import { DC2_CODE, dc2, type Impl, type OpenClient } from './impls.js';
import type { ServerInfo } from './server.js';

const require = createRequire(import.meta.url);

/* The slice of GramJS's API used here (it ships CommonJS with loose types). */
type Ctor = new (args?: Record<string, unknown>) => object;
interface GramClient {
  connect(): Promise<boolean>;
  invoke(request: object): Promise<Record<string, unknown>>;
  destroy(): Promise<void>;
}
type BigIntLib = (value: string | number) => object;

export function loadGramJs(server: ServerInfo): Impl {
  const telegram = require('telegram') as {
    TelegramClient: new (...a: unknown[]) => GramClient;
    Api: Record<string, Record<string, Ctor> & Ctor>;
  };
  const { MemorySession } = require('telegram/sessions') as {
    MemorySession: new () => { setDC(id: number, ip: string, port: number): void };
  };
  const { Logger } = require('telegram/extensions') as { Logger: new (level: string) => unknown };
  const { ConnectionTCPFull } = require('telegram/network') as { ConnectionTCPFull: new (o: Record<string, unknown>) => object };
  const rsa = require('telegram/crypto/RSA') as { _serverKeys: Map<string, { n: unknown; e: number }> };
  const bigInt = createRequire(require.resolve('telegram'))('big-integer') as BigIntLib;
  const version = (require('telegram/package.json') as { version: string }).version;
  const { Api, TelegramClient } = telegram;
  const dc = dc2(server);
  // The server's key, as GramJS keys its table: by the signed decimal fingerprint.
  const { n, e, fingerprint } = server.rsaPublicKey;
  rsa._serverKeys.set(BigInt.asIntN(64, fingerprint).toString(), { n: bigInt(n.toString()), e: Number(e) });

  class BenchConnection extends ConnectionTCPFull {
    constructor(options: Record<string, unknown>) {
      super({ ...options, ip: dc.host, port: dc.port });
    }
  }

  /** A new client with a new auth key (GramJS's own key exchange), connected. */
  const connectNew = async (): Promise<GramClient> => {
    const session = new MemorySession();
    session.setDC(2, dc.host, dc.port);
    const client = new TelegramClient(session, 1, 'bench', {
      connection: BenchConnection,
      // GramJS fails 1 key exchange in 256 on its side (it drops leading zero bytes of g^ab) and, with one
      // attempt, hangs instead of failing: the second attempt makes a new key.
      connectionRetries: 3,
      autoReconnect: false,
      receiveUpdates: false,
      baseLogger: new Logger('error'),
    });
    if (!(await client.connect())) throw new Error('GramJS did not connect');
    return client;
  };

  const emptyRef = Buffer.alloc(0);
  const open = (client: GramClient): OpenClient => ({
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
  });

  return {
    name: 'gramjs',
    version: `telegram ${version}`,
    async connect() {
      const client = await connectNew();
      const api = open(client);
      await api.nearestDc();
      return api;
    },
    async openSignedIn(phone) {
      const client = await connectNew();
      // Raw sendCode/signIn (signUp when the number is new), in GramJS's layer.
      const sent = await client.invoke(
        new Api.auth!.SendCode!({ phoneNumber: phone, apiId: 1, apiHash: 'bench', settings: new Api.CodeSettings!({}) }),
      );
      const hash = sent.phoneCodeHash as string;
      const auth = await client.invoke(new Api.auth!.SignIn!({ phoneNumber: phone, phoneCodeHash: hash, phoneCode: DC2_CODE }));
      if (auth.className === 'auth.AuthorizationSignUpRequired') {
        await client.invoke(new Api.auth!.SignUp!({ phoneNumber: phone, phoneCodeHash: hash, firstName: 'Bench', lastName: '' }));
      }
      return open(client);
    },
    notes: [
      '`gramjs`: TelegramClient with a MemorySession and its default TCPFull framing; the connection class is a ConnectionTCPFull subclass that fills in the ' +
        "server's address (GramJS's Node client always dials port 80). It makes its own auth key (the server's key added to telegram/crypto/RSA's " +
        '_serverKeys) and signs in with raw auth.sendCode/auth.signIn in its layer 198, which the server serves through its layer conversion; its cold ' +
        'start includes the invokeWithLayer(initConnection(help.getConfig)) GramJS sends on connect.',
    ],
  };
}
