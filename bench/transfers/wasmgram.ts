/** wasmgram's side of the transfers bench: `uploadFile` + `sendMedia` up, `downloadToBuffer` down, default parallelism. */
import { type Message, TelegramClient } from '../../ts/client/index.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import type { BenchServer } from '../mtproto/server.js';
import type { TransferImpl } from './index.js';

/** The test number both libraries sign in with (DC 2, code 22222; https://core.telegram.org/api/auth#test-accounts). */
export const BENCH_PHONE = '9996627001';

export async function wasmgramTransfers(server: BenchServer): Promise<TransferImpl> {
  const client = new TelegramClient({
    apiId: 12345,
    apiHash: '0123456789abcdef0123456789abcdef',
    testServer: server,
    testMode: true,
    crypto: await createCryptoProvider(),
    sockets: createNodeTcpFactory(),
    storage: new MemoryStorage(),
    updates: false,
    connection: { connectTimeoutMs: 10_000, requestTimeoutMs: 60_000 },
  });
  await client.start({ phone: BENCH_PHONE, code: '22222', firstName: 'Bench' });
  return {
    name: 'wasmgram',
    async upload(data) {
      const file = await client.uploadFile(data, { fileName: 'bench.bin' });
      return client.sendMedia('me', { document: file, mimeType: 'application/octet-stream' });
    },
    download: (handle) => client.downloadToBuffer(handle as Message),
    close: () => client.close(),
  };
}
