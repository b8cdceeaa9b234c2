/**
 * mtcute (@mtcute/core) as a suite implementation, through its exported
 * API: `MtClient` (the MTProto client under mtcute's high-level client) with
 * `MemoryStorage`, `IntermediatePacketCodec`, `defaultDcs` pointing at the
 * bench server, the server's key registered with `addPublicKey`, and raw
 * `client.call({ _: ... })`.
 *
 * mtcute's Node pieces (@mtcute/node: crypto provider, TCP transport,
 * platform) are not installed, so the three interfaces it asks for are
 * implemented here from their type definitions:
 *
 * - `ICryptoProvider`: SHA and AES-CTR through node:crypto, AES-IGE through
 *   @mtcute/wasm (as @mtcute/node does), gzip through node:zlib, and
 *   mtcute's own `BaseCryptoProvider.factorizePQ`;
 * - `TelegramTransport`: a node:net socket as @fuman/net's `IConnection`
 *   (read/write/close) and mtcute's `IntermediatePacketCodec`;
 * - `ICorePlatform`: no logging (unless `MTCUTE_LOG=1`), no exit hooks.
 *
 * mtcute 0.30 writes `msgs_ack` with an odd (content-related) seq_no
 * (`SessionConnection` calls `writeMessage(writer, ackRequest)` with the
 * default `isContentRelated = true`). Telegram tolerates it and so does the
 * test server unless strict (docs/testing.md, "Leniencies"); a strict server
 * answers bad_msg_notification 34 and mtcute resets its session and re-sends
 * forever. So sign-in is still given {@link SIGN_IN_LIMIT_MS}: past it the
 * client is shut down and the steady-state operations are reported n/a with
 * that reason instead of hanging the suite.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dc2, type Impl, type OpenClient } from './impls.js';
import type { ServerInfo } from './server.js';
import { mtcuteNodeCryptoProvider } from '../lib/mtcute-provider.js';
import { mtcuteTcpConnect } from '../lib/mtcute-tcp.js';

const require = createRequire(import.meta.url);

/** How long sign-in may take before mtcute is declared unable to run on a signed-in connection. */
export const SIGN_IN_LIMIT_MS = 6000;

const ACK_PARITY =
  'mtcute 0.30 sends msgs_ack with an odd (content-related) seq_no; a strict test server answers bad_msg_notification 34 (Telegram tolerates it), ' +
  'and mtcute resets its session and re-sends forever';

/* The slice of mtcute's API used here. */
interface MtRpcError {
  _: 'mt_rpc_error';
  errorCode: number;
  errorMessage: string;
}
interface MtClientLike {
  connect(): Promise<void>;
  call(request: Record<string, unknown>): Promise<unknown>;
  disconnect(): Promise<void>;
  destroy(): Promise<void>;
}

export async function loadMtcute(server: ServerInfo): Promise<Impl> {
  const core = (await import('@mtcute/core')) as unknown as {
    MtClient: new (params: Record<string, unknown>) => MtClientLike;
    MemoryStorage: new () => object;
    IntermediatePacketCodec: new () => object;
    Long: { fromString(s: string): unknown };
  };
  const utils = (await import('@mtcute/core/utils.js')) as unknown as {
    BaseCryptoProvider: abstract new () => object;
    addPublicKey(crypto: object, pem: string): void;
  };
  const { ConnectionClosedError } = (await import('@fuman/net')) as unknown as { ConnectionClosedError: new (message?: string) => Error };
  const wasm = await import('@mtcute/wasm');
  const wasmDir = path.dirname(require.resolve('@mtcute/wasm'));
  wasm.initSync(fs.readFileSync(path.join(wasmDir, wasm.SIMD_AVAILABLE ? 'mtcute-simd.wasm' : 'mtcute.wasm')));
  // The package's exports map hides package.json; read it next to the entry point.
  const version = (
    JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('@mtcute/core')), 'package.json'), 'utf8')) as { version: string }
  ).version;
  const crypto = mtcuteNodeCryptoProvider(utils.BaseCryptoProvider, wasm);
  utils.addPublicKey(crypto, server.publicKeyPem);
  const dc = dc2(server);
  const dcOption = { id: 2, ipAddress: dc.host, port: dc.port };
  const platform = {
    beforeExit: () => () => {},
    log: (_c: number, level: number, tag: string, fmt: string, args: unknown[]) => {
      if (process.env.MTCUTE_LOG) console.error(level, tag, fmt, ...args);
    },
    getDefaultLogLevel: () => 0,
    getDeviceModel: () => 'wasmgram bench',
  };
  const transport = {
    connect: () => mtcuteTcpConnect(dc.host, dc.port, ConnectionClosedError),
    packetCodec: () => new core.IntermediatePacketCodec(),
  };

  const check = <T>(r: unknown): T => {
    if (r && typeof r === 'object' && (r as { _?: string })._ === 'mt_rpc_error') {
      const e = r as MtRpcError;
      throw new Error(`${e.errorCode} ${e.errorMessage}`);
    }
    return r as T;
  };

  const open = async (): Promise<{ client: MtClientLike; api: OpenClient }> => {
    const client = new core.MtClient({
      apiId: 1,
      apiHash: 'bench',
      storage: new core.MemoryStorage(),
      crypto,
      platform,
      transport,
      defaultDcs: { main: dcOption, media: dcOption },
      disableUpdates: true,
      // Connection errors mtcute recovers from by itself; shown with MTCUTE_LOG=1.
      onError: (e: unknown) => {
        if (process.env.MTCUTE_LOG) console.error('mtcute onError:', e);
      },
      logLevel: process.env.MTCUTE_LOG ? 5 : 0,
      initConnectionOptions: { deviceModel: 'wasmgram bench', systemVersion: process.platform, appVersion: '0.1.0' },
    });
    await client.connect();
    const api: OpenClient = {
      async nearestDc() {
        return check<{ thisDc: number }>(await client.call({ _: 'help.getNearestDc' })).thisDc;
      },
      async saveFilePart(fileId, part, bytes) {
        return check<boolean>(
          await client.call({ _: 'upload.saveFilePart', fileId: core.Long.fromString(fileId.toString()), filePart: part, bytes }),
        );
      },
      async getFile(fileId, offset, limit) {
        const r = check<{ _: string; bytes: Uint8Array }>(
          await client.call({
            _: 'upload.getFile',
            location: {
              _: 'inputDocumentFileLocation',
              id: core.Long.fromString(fileId.toString()),
              accessHash: core.Long.fromString('0'),
              fileReference: new Uint8Array(0),
              thumbSize: '',
            },
            offset: core.Long.fromString(String(offset)),
            limit,
          }),
        );
        if (r._ !== 'upload.file') throw new Error(`upload.getFile answered ${r._}`);
        return r.bytes;
      },
      async close() {
        // MtClient: disconnect() closes the connections, destroy() then finalizes storage.
        await client.disconnect();
        await client.destroy();
      },
    };
    return { client, api };
  };

  return {
    name: 'mtcute',
    version: `@mtcute/core ${version}`,
    async connect() {
      const { api } = await open();
      await api.nearestDc();
      return api;
    },
    async openSignedIn(phone) {
      const { client, api } = await open();
      const signIn = async () => {
        const sent = check<{ _: string; phoneCodeHash: string }>(
          await client.call({ _: 'auth.sendCode', phoneNumber: phone, apiId: 1, apiHash: 'bench', settings: { _: 'codeSettings' } }),
        );
        const auth = check<{ _: string }>(
          await client.call({ _: 'auth.signIn', phoneNumber: phone, phoneCodeHash: sent.phoneCodeHash, phoneCode: '22222' }),
        );
        if (auth._ === 'auth.authorizationSignUpRequired') {
          check(
            await client.call({
              _: 'auth.signUp',
              phoneNumber: phone,
              phoneCodeHash: sent.phoneCodeHash,
              firstName: 'Bench',
              lastName: '',
            }),
          );
        }
        // One more round trip: this one carries the acks of the sign-in answers.
        await api.nearestDc();
      };
      const attempt = signIn();
      attempt.catch(() => undefined); // it may still reject after the client is shut down
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          attempt,
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`sign-in did not finish within ${SIGN_IN_LIMIT_MS / 1000} s — ${ACK_PARITY}`)),
              SIGN_IN_LIMIT_MS,
            );
          }),
        ]);
      } catch (e) {
        await api.close().catch(() => undefined);
        throw e;
      } finally {
        clearTimeout(timer);
      }
      return api;
    },
    notes: [
      '`mtcute`: @mtcute/core `MtClient` (the MTProto layer under its TelegramClient) with MemoryStorage, IntermediatePacketCodec, `defaultDcs` set to the ' +
        'bench server and its key added with `addPublicKey`; raw `call()`. @mtcute/node is not installed, so its ICryptoProvider (node:crypto SHA/CTR, ' +
        "@mtcute/wasm IGE, node:zlib gzip, mtcute's own factorizePQ), a node:net IConnection and a silent platform are written here against mtcute's interfaces.",
    ],
  };
}
