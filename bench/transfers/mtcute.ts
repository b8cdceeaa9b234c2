/**
 * mtcute's side of the transfers bench (@mtcute/core 0.30 through
 * tests/testing/_mtcute.ts, its own transport and crypto): `uploadFile` +
 * `sendMedia` up, `downloadAsBuffer` down, its default parallelism. It signs
 * in with the number wasmgram signed up (a second login of the same account).
 */
import type { TestServer } from '../../ts/testing/index.js';
import { mtcuteClient } from '../../tests/testing/_mtcute.js';
import type { BenchServer } from '../mtproto/server.js';
import type { TransferImpl } from './index.js';
import { BENCH_PHONE } from './wasmgram.js';

export async function mtcuteTransfers(server: BenchServer): Promise<TransferImpl> {
  // _mtcute.ts reads the key and a DC's address from a TestServer; the bench server process gives both.
  const target = {
    publicKeyPem: server.publicKeyPem,
    dc: (id: number) => {
      const d = server.dcs.find((x) => x.id === id);
      if (!d) throw new Error(`no DC ${id}`);
      return d;
    },
  } as unknown as TestServer;
  const tg = await mtcuteClient(target, 2);
  await tg.start({ phone: BENCH_PHONE, code: () => '22222', codeSentCallback: () => {} });
  return {
    name: 'mtcute',
    async upload(data) {
      const file = await tg.uploadFile({ file: data, fileSize: data.length, fileName: 'bench.bin' });
      const msg = await tg.sendMedia('me', { type: 'document', file: file.inputFile, fileMime: 'application/octet-stream' });
      return msg.media;
    },
    async download(handle) {
      return tg.downloadAsBuffer(handle as never);
    },
    close: () => tg.destroy(),
  };
}
