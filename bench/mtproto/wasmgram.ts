/**
 * wasmgram as a suite implementation: `Connection` (ts/network) over the
 * Node TCP socket factory, intermediate framing, the default crypto
 * provider, the bench server's RSA key.
 */
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { Connection } from '../../ts/network/index.js';
import type { InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { DC2_CODE, dc2, type Impl, type OpenClient } from './impls.js';
import type { ServerInfo } from './server.js';

export const INIT: InitConnectionFields = {
  api_id: 1,
  device_model: 'wasmgram bench',
  system_version: `${process.platform} ${process.arch}`,
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

/** A new `Connection` to DC 2 (not yet connected). */
export function newConnection(server: ServerInfo, crypto: CryptoProvider): Connection {
  const dc = dc2(server);
  return new Connection({
    crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: dc.host,
    port: dc.port,
    codec: 'intermediate',
    rsaKeys: [server.rsaPublicKey],
    initConnection: INIT,
  });
}

/**
 * Signs `conn` in as test number `phone` (DC 2, code 22222), signing up
 * when the number is new (https://core.telegram.org/api/auth).
 */
export async function signIn(conn: Connection, phone: string): Promise<void> {
  const sent = await conn.invoke({
    _: 'auth.sendCode',
    phone_number: phone,
    api_id: INIT.api_id,
    api_hash: 'bench',
    settings: { _: 'codeSettings' },
  });
  if (sent._ !== 'auth.sentCode') throw new Error(`auth.sendCode answered ${sent._}`);
  const auth = await conn.invoke({ _: 'auth.signIn', phone_number: phone, phone_code_hash: sent.phone_code_hash, phone_code: DC2_CODE });
  if (auth._ === 'auth.authorizationSignUpRequired') {
    await conn.invoke({ _: 'auth.signUp', phone_number: phone, phone_code_hash: sent.phone_code_hash, first_name: 'Bench', last_name: '' });
  }
}

/**
 * A new auth key made by wasmgram's key exchange and signed in as `phone`,
 * for libraries that cannot run the exchange with the test server (they
 * load it the way they load a stored session).
 */
export async function signedInKey(
  server: ServerInfo,
  crypto: CryptoProvider,
  phone: string,
): Promise<{ key: Uint8Array; serverSalt: bigint | undefined }> {
  const conn = newConnection(server, crypto);
  try {
    await conn.connect();
    await signIn(conn, phone);
    return { key: conn.authKey!.key, serverSalt: conn.authKey!.serverSalt };
  } finally {
    conn.close();
  }
}

function open(conn: Connection): OpenClient {
  return {
    async nearestDc() {
      return (await conn.invoke({ _: 'help.getNearestDc' })).this_dc;
    },
    saveFilePart(fileId, part, bytes) {
      return conn.invoke({ _: 'upload.saveFilePart', file_id: fileId, file_part: part, bytes });
    },
    async getFile(fileId, offset, limit) {
      const file = await conn.invoke({
        _: 'upload.getFile',
        location: { _: 'inputDocumentFileLocation', id: fileId, access_hash: 0n, file_reference: new Uint8Array(0), thumb_size: '' },
        offset: BigInt(offset),
        limit,
      });
      if (file._ !== 'upload.file') throw new Error(`upload.getFile answered ${file._}`);
      return file.bytes;
    },
    async close() {
      conn.close();
    },
  };
}

export function wasmgramImpl(server: ServerInfo, crypto: CryptoProvider): Impl {
  return {
    name: 'wasmgram',
    version: `0.1.0 (crypto engine ${crypto.engine})`,
    async connect() {
      const client = open(newConnection(server, crypto));
      await client.nearestDc();
      return client;
    },
    async openSignedIn(phone) {
      const conn = newConnection(server, crypto);
      await signIn(conn, phone);
      return open(conn);
    },
    notes: [],
  };
}
