/**
 * What the steady-state operations do on an open client, shared by the
 * client worker processes and the profile phase: the seeded payloads, the
 * correctness guard, and one unit of work per operation.
 */
import { SeededRandom } from '../lib/rng.js';
import { type Impl, type OpenClient, PHONES } from './impls.js';

export const STEADY_OPS = ['rpc-sequential', 'rpc-pipelined-1000', 'bulk-upload-512k', 'bulk-download-512k'] as const;
export type SteadyOp = (typeof STEADY_OPS)[number];

export const PART = 512 * 1024;
/** Parts the upload cycles through (10 MiB: the test server's bound for one file). */
export const UPLOAD_PARTS = 20;
/** Parts of the file the download reads, cycling. */
export const DOWNLOAD_PARTS = 4;
/** 512 KiB parts kept in flight by the bulk operations. */
export const BULK_WINDOW = 4;
export const BURST = 1000;

export const UPLOAD_FILE = 0x5150n;
export const DOWNLOAD_FILE = 0x5151n;

/** Operations one unit counts for, and units kept in flight. */
export interface OpShape {
  opsPerUnit: number;
  window: number;
}

export const SHAPES: Record<SteadyOp, OpShape> = {
  'rpc-sequential': { opsPerUnit: 1, window: 1 },
  'rpc-pipelined-1000': { opsPerUnit: BURST, window: 1 },
  'bulk-upload-512k': { opsPerUnit: 1, window: BULK_WINDOW },
  'bulk-download-512k': { opsPerUnit: 1, window: BULK_WINDOW },
};

export interface Payloads {
  upload: Uint8Array;
  download: Uint8Array[];
}

/** Seeded payloads: one upload part, and the parts of the file the download reads. */
export function payloads(): Payloads {
  const rng = new SeededRandom(4);
  return { upload: rng.bytes(PART), download: Array.from({ length: DOWNLOAD_PARTS }, () => rng.bytes(PART)) };
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0
  );
}

/**
 * The correctness guard: sign in, then every timed request once, its answer
 * checked (this_dc = 2, saveFilePart true, the downloaded part equal to the
 * uploaded one). Also stores the file the download reads.
 */
export async function openAndCheck(impl: Impl, data: Payloads): Promise<OpenClient> {
  const client = await impl.openSignedIn(PHONES[impl.name]!);
  try {
    const dc = await withTimeout(client.nearestDc(), 10_000, 'help.getNearestDc');
    if (dc !== 2) throw new Error(`help.getNearestDc: this_dc ${dc}, expected 2`);
    if ((await withTimeout(client.saveFilePart(UPLOAD_FILE, 0, data.upload), 10_000, 'upload.saveFilePart')) !== true) {
      throw new Error('upload.saveFilePart did not answer true');
    }
    for (let i = 0; i < DOWNLOAD_PARTS; i++)
      await withTimeout(client.saveFilePart(DOWNLOAD_FILE, i, data.download[i]!), 10_000, 'upload.saveFilePart');
    const back = await withTimeout(client.getFile(DOWNLOAD_FILE, PART, PART), 10_000, 'upload.getFile');
    if (!sameBytes(back, data.download[1]!)) throw new Error('upload.getFile returned other bytes than were uploaded');
    return client;
  } catch (e) {
    await client.close().catch(() => undefined);
    throw e;
  }
}

/** One unit of `op` on `client` (the i-th of its run). */
export function unitFor(op: SteadyOp, client: OpenClient, data: Payloads): (i: number) => Promise<unknown> {
  switch (op) {
    case 'rpc-sequential':
      return () => client.nearestDc();
    case 'rpc-pipelined-1000':
      return () => Promise.all(Array.from({ length: BURST }, () => client.nearestDc()));
    case 'bulk-upload-512k':
      return (i) => client.saveFilePart(UPLOAD_FILE, i % UPLOAD_PARTS, data.upload);
    case 'bulk-download-512k':
      return (i) => client.getFile(DOWNLOAD_FILE, (i % DOWNLOAD_PARTS) * PART, PART);
  }
}
