/**
 * Downloads with `upload.getFile` (https://core.telegram.org/api/files#downloading-files):
 * parts of one size (512 KiB by default — a divisor of 1 MiB at an offset
 * that is a multiple of it, so every request keeps Telegram's rules:
 * offset and limit multiples of 4 KiB, the range inside one 1 MiB block)
 * fetched several at once over the DC's transfer connections, on the DC
 * that stores the file (`FILE_MIGRATE_X` is followed by the pool, and the
 * DC it named is remembered per file, so later parts and later downloads go
 * there directly). A byte range is served from the parts that cover it.
 * When the server answers FILE_REFERENCE_EXPIRED the file's origin (the
 * message, profile photo or sticker set) is fetched again and the part
 * retried with the new reference (https://core.telegram.org/api/file_reference)
 * — once per download, shared by the workers — and the new reference is
 * written back into the `Photo`/`Document` (and so its `Message`) the caller
 * holds, so the next download of it does not refresh again. `cdn_supported` is set: a
 * `upload.fileCdnRedirect` moves the rest of the download to the CDN DC
 * (cdn-file-reader.ts: decrypted, every 128 KiB part checked by SHA-256).
 */
import { RpcError, WasmgramError } from '../../../errors.js';
import type { InputFileLocation } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { type Media, originOf } from '../../types/media.js';
import type { Message } from '../../types/message.js';
import type { FileLocation } from '../../types/photo.js';
import { CdnFileReader, isCdnTokenInvalid } from './cdn-file-reader.js';
import { abortError, runWorkers } from './transfer-workers.js';

/** What a download reads: a message with media, a `Photo`/`Document`, or a raw location. */
export type DownloadTarget = Message | Media | FileLocation;

/** Options of the download functions. */
export interface DownloadParams {
  /** First byte to download (default 0). */
  offset?: number;
  /** Bytes to download from `offset` (default: to the end). */
  length?: number;
  /** A thumbnail's size type instead of the file (documents), or a photo size other than the largest. */
  thumb?: string;
  /** Bytes per request: a multiple of 4 KiB that divides 1 MiB (default 512 KiB). */
  partSize?: number;
  /** Transfer connections to the file's DC (default 4). */
  connections?: number;
  /** Requests in flight per connection (default 2). */
  requestsPerConnection?: number;
  /** Called as parts arrive with the bytes received so far and the total (undefined while unknown). */
  onProgress?: (downloaded: number, total: number | undefined) => void;
  /** Stops the download; it rejects with the signal's reason once every request in flight has settled. */
  signal?: AbortSignal;
  /** Accept CDN redirects (default true; https://core.telegram.org/cdn). */
  cdn?: boolean;
}

/** The default part size of downloads. */
export const DOWNLOAD_PART_SIZE = 512 * 1024;
const MIB = 1024 * 1024;

/** A resolved target: the location now, its size, and how to get a fresh file reference. */
interface Resolved {
  location: InputFileLocation;
  dcId: number;
  readonly size: number | undefined;
  readonly refresh: (() => Promise<InputFileLocation>) | undefined;
}

function isMessage(t: DownloadTarget): t is Message {
  return 'raw' in t && (t.raw._ === 'message' || t.raw._ === 'messageService');
}

function isMedia(t: DownloadTarget): t is Media {
  return 'kind' in t && (t.kind === 'photo' || t.kind === 'document');
}

function mediaLocation(m: Media, thumb: string | undefined): FileLocation {
  return m.location(thumb);
}

/**
 * Puts the fresh file reference into the object the caller holds (the
 * `Photo`/`Document`, whose raw TL object is also the one inside its
 * `Message`'s `raw.media`), so the next download of it, or a re-send by
 * `inputPhoto`/`inputDocument`, starts with a valid reference instead of
 * refreshing again (https://core.telegram.org/api/file_reference).
 */
function writeBackReference(held: Media, fresh: Media): void {
  held.raw.file_reference = fresh.raw.file_reference;
}

/** The location of `target`, with a refresh function when its origin is known. */
function resolveTarget(target: DownloadTarget, thumb?: string): Resolved {
  let media: Media | undefined;
  if (isMessage(target)) {
    media = target.media;
    if (!media) throw new WasmgramError(`message ${target.id} has no photo or document to download`);
  } else if (isMedia(target)) media = target;
  if (!media) {
    const loc = target as FileLocation;
    return { location: loc.location, dcId: loc.dcId, size: loc.size, refresh: undefined };
  }
  const where = mediaLocation(media, thumb);
  const origin = originOf(media);
  const kind = media.kind;
  const refresh = origin
    ? async () => {
        const fresh = await origin.refetch();
        if (!fresh || fresh.kind !== kind || fresh.raw.id !== media.raw.id)
          throw new WasmgramError('the origin of this file no longer holds it (message deleted or edited, photo deleted, sticker removed)');
        writeBackReference(media, fresh);
        return mediaLocation(fresh, thumb).location;
      }
    : undefined;
  return { location: where.location, dcId: where.dcId, size: where.size, refresh };
}

/** Per client: the DC a `FILE_MIGRATE_X` named for a file (by location kind and id). */
const migratedFiles = new WeakMap<ClientCore, Map<string, number>>();
/** Most remembered files per client (the oldest are forgotten first). */
const MIGRATED_FILES_MAX = 1000;

function fileKey(loc: InputFileLocation): string | undefined {
  return 'id' in loc && typeof loc.id === 'bigint' ? `${loc._}:${loc.id}` : undefined;
}

function rememberFileDc(client: ClientCore, loc: InputFileLocation, dcId: number): void {
  const key = fileKey(loc);
  if (key === undefined) return;
  let m = migratedFiles.get(client);
  if (!m) migratedFiles.set(client, (m = new Map()));
  m.delete(key);
  m.set(key, dcId);
  if (m.size > MIGRATED_FILES_MAX) m.delete(m.keys().next().value!);
}

function rememberedFileDc(client: ClientCore, loc: InputFileLocation): number | undefined {
  const key = fileKey(loc);
  return key === undefined ? undefined : migratedFiles.get(client)?.get(key);
}

function checkDownloadPartSize(n: number): void {
  if (!Number.isInteger(n) || n <= 0 || n % 4096 !== 0 || MIB % n !== 0) {
    throw new WasmgramError(`partSize must be a multiple of 4 KiB that divides 1 MiB, got ${n}`);
  }
}

/** Hooks a download calls as parts arrive: `part` with the bytes of [position, position + bytes.length) of the range. */
export interface PartSink {
  /** Stores part `index` (0 = the first part of the range) at `position` (bytes from the range start). */
  part(index: number, position: number, bytes: Uint8Array): void | Promise<void>;
  /** Waits until part `index` may be fetched (bounded buffering for in-order consumers). */
  room?(index: number, stopped: () => boolean): Promise<void>;
  /** A worker failed: wake every `room` waiter so the download can settle. */
  halt?(): void;
}

/**
 * Runs a download into `sink`; resolves with the number of bytes of the
 * range. The building block of `downloadToBuffer`, `iterDownload` and
 * `downloadToFile`.
 */
export async function runDownload(client: ClientCore, target: DownloadTarget, params: DownloadParams, sink: PartSink): Promise<number> {
  const partSize = params.partSize ?? DOWNLOAD_PART_SIZE;
  checkDownloadPartSize(partSize);
  const connections = Math.max(1, Math.floor(params.connections ?? 4));
  const perConnection = Math.max(1, Math.floor(params.requestsPerConnection ?? 2));
  const signal = params.signal;
  if (signal?.aborted) throw abortError(signal);
  const start = params.offset ?? 0;
  if (!Number.isSafeInteger(start) || start < 0) throw new WasmgramError(`offset must be a non-negative integer, got ${start}`);
  if (params.length !== undefined && (!Number.isSafeInteger(params.length) || params.length < 0)) {
    throw new WasmgramError(`length must be a non-negative integer, got ${params.length}`);
  }

  const file = resolveTarget(target, params.thumb);
  file.dcId = rememberedFileDc(client, file.location) ?? file.dcId;
  const fileEnd = file.size;
  let end = params.length !== undefined ? start + params.length : fileEnd;
  if (end !== undefined && fileEnd !== undefined) end = Math.min(end, fileEnd);
  if (end !== undefined && end <= start) return 0;
  const total = end === undefined ? undefined : end - start;

  const firstPart = Math.floor(start / partSize);
  const lastPart = end === undefined ? Number.POSITIVE_INFINITY : Math.ceil(end / partSize); // exclusive
  let next = firstPart;
  let eof = Number.POSITIVE_INFINITY; // first part index past the end, once a short part showed it
  let received = 0;
  let refreshing: Promise<void> | undefined;
  let refreshed = false;

  const refreshLocation = (used: InputFileLocation): Promise<void> => {
    // Every worker that hit the expired reference waits for one refetch.
    if (file.location !== used) return Promise.resolve();
    if (refreshed || !file.refresh) return Promise.reject(new RpcError(400, 'FILE_REFERENCE_EXPIRED'));
    refreshing ??= file.refresh().then((loc) => {
      file.location = loc;
      refreshed = true;
    });
    return refreshing;
  };

  let cdn: CdnFileReader | undefined;
  let cdnAllowed = params.cdn !== false;
  const onMigrate = (dcId: number) => {
    file.dcId = dcId;
    rememberFileDc(client, file.location, dcId);
  };

  const fetchPart = async (k: number, slot: number): Promise<Uint8Array> => {
    for (;;) {
      const reader = cdn;
      if (reader) {
        try {
          return await reader.read(k * partSize, partSize, { slot, ...(signal && { signal }) });
        } catch (e) {
          if (!isCdnTokenInvalid(e)) throw e;
          // The token expired: download the rest from the master DC (https://core.telegram.org/method/upload.getCdnFile).
          if (cdn === reader) cdn = undefined;
          cdnAllowed = false;
          continue;
        }
      }
      const location = file.location;
      try {
        const r = await client.invoke(
          { _: 'upload.getFile', location, offset: BigInt(k * partSize), limit: partSize, ...(cdnAllowed && { cdn_supported: true }) },
          { dcId: file.dcId, slot, onMigrate, ...(signal && { signal }) },
        );
        if (r._ === 'upload.fileCdnRedirect') {
          if (!cdnAllowed) throw new WasmgramError('upload.getFile answered a CDN redirect, which was not asked for');
          cdn ??= new CdnFileReader(client, r, file.dcId);
          continue;
        }
        return r.bytes;
      } catch (e) {
        if (!RpcError.is(e, 'FILE_REFERENCE_EXPIRED')) throw e;
        await refreshLocation(location);
      }
    }
  };

  await runWorkers(
    connections * perConnection,
    async (i, stopped) => {
      const slot = 1 + (i % connections);
      while (!stopped()) {
        const k = next++;
        if (k >= lastPart || k >= eof) return;
        await sink.room?.(k - firstPart, stopped);
        if (stopped()) return;
        let bytes: Uint8Array;
        try {
          bytes = await fetchPart(k, slot);
        } catch (e) {
          sink.halt?.();
          throw e;
        }
        if (bytes.length > partSize)
          throw new WasmgramError(`upload.getFile returned ${bytes.length} bytes for a ${partSize}-byte request`);
        if (bytes.length < partSize) eof = Math.min(eof, k + 1);
        // The part covers [k·p, k·p + n); keep what lies inside [start, end).
        const partStart = k * partSize;
        const from = Math.max(start, partStart) - partStart;
        const to = Math.min(end ?? Number.POSITIVE_INFINITY, partStart + bytes.length) - partStart;
        const piece = to > from ? bytes.subarray(from, to) : new Uint8Array(0);
        await sink.part(k - firstPart, partStart + from - start, piece);
        received += piece.length;
        params.onProgress?.(received, total);
      }
    },
    signal,
  );
  return received;
}

/**
 * Downloads a file (or a byte range of it) into memory.
 *
 * @example
 * ```ts
 * const [msg] = await client.getMessages('me', [42]);
 * const bytes = await downloadToBuffer(client, msg!, { onProgress: (n, total) => console.log(n, total) });
 * const head = await downloadToBuffer(client, msg!, { offset: 0, length: 4096 });
 * ```
 * @throws WasmgramError for bad options or a target without a file; RpcError; the abort reason when aborted
 */
export async function downloadToBuffer(client: ClientCore, target: DownloadTarget, params: DownloadParams = {}): Promise<Uint8Array> {
  const { size } = resolveTarget(target, params.thumb);
  const start = params.offset ?? 0;
  let expected: number | undefined;
  if (size !== undefined) expected = Math.max(0, Math.min(size, params.length !== undefined ? start + params.length : size) - start);
  else if (params.length !== undefined) expected = params.length;
  if (expected !== undefined && size !== undefined) {
    const out = new Uint8Array(expected);
    const n = await runDownload(client, target, params, { part: (_, at, bytes) => out.set(bytes, at) });
    return n === expected ? out : out.slice(0, n);
  }
  // Size unknown: collect the parts, then join them in order.
  const parts: Uint8Array[] = [];
  const n = await runDownload(client, target, params, { part: (i, _, bytes) => void (parts[i] = bytes.slice()) });
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    if (!p) continue;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Downloads a file (or a range) into a file on disk (Node, Deno, Bun);
 * parts are written at their offsets as they arrive. Resolves with the
 * number of bytes written.
 *
 * @example
 * ```ts
 * await downloadToFile(client, message, './photo.jpg', { signal: AbortSignal.timeout(60_000) });
 * ```
 */
export async function downloadToFile(
  client: ClientCore,
  target: DownloadTarget,
  path: string,
  params: DownloadParams = {},
): Promise<number> {
  const { openFileSink } = await import('../../../platform/node/file-path.js');
  const sink = await openFileSink(path);
  try {
    return await runDownload(client, target, params, { part: (_, at, bytes) => sink.write(bytes, at) });
  } finally {
    await sink.close();
  }
}
