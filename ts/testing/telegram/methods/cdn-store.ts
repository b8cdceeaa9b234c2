/**
 * The emulator's CDN (https://core.telegram.org/cdn): one DC of the test
 * server plays a CDN DC. Files chosen for it are answered on the master DC
 * with `upload.fileCdnRedirect` (a file token, an AES-256-CTR key and IV, the
 * SHA-256 of the first 128 KiB parts); the CDN DC serves the file encrypted
 * with that key, where the counter block of byte `offset` is the IV with its
 * last 4 bytes replaced by `offset / 16` big-endian. Tests can make the CDN
 * serve a corrupted part ({@link CdnStore.corruptPart}) or forget a file
 * ({@link CdnStore.evict}: `upload.cdnFileReuploadNeeded` until the client
 * calls `upload.reuploadCdnFile` on the master DC).
 */
import { createCipheriv, createHash } from 'node:crypto';
import { ArgumentError } from '../../../errors.js';
import type { FileHash } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { FileContent, MediaFile } from './media-store.js';

/** Size of the parts each SHA-256 in `file_hashes` covers (https://core.telegram.org/cdn). */
export const CDN_HASH_PART = 128 * 1024;
/** Hashes given per answer (redirect, getCdnFileHashes, reuploadCdnFile): 1 MiB worth. */
const HASHES_PER_ANSWER = 8;

/** One file as the CDN holds it. */
export class CdnFile {
  /** Whether the CDN has the file now (else getCdnFile asks for a reupload). */
  onCdn = true;
  /** The request token of the last `cdnFileReuploadNeeded`. */
  requestToken: Uint8Array | undefined;
  /** Indexes of 128 KiB parts the CDN serves with a flipped byte. */
  readonly corrupt = new Set<number>();
  private encrypted: Uint8Array | undefined;
  private hashList: FileHash[] | undefined;

  constructor(
    readonly media: MediaFile,
    readonly token: Uint8Array,
    readonly key: Uint8Array,
    readonly iv: Uint8Array,
  ) {}

  /** The file's bytes in one buffer. */
  private plain(): Uint8Array {
    const c: FileContent = this.media.file.content;
    return c.parts.length === 1 ? c.parts[0]! : Buffer.concat(c.parts as Uint8Array[]);
  }

  /** The SHA-256 of every 128 KiB part of the plain file. */
  hashes(): FileHash[] {
    if (!this.hashList) {
      const data = this.plain();
      const list: FileHash[] = [];
      for (let at = 0; at < data.length; at += CDN_HASH_PART) {
        const part = data.subarray(at, Math.min(at + CDN_HASH_PART, data.length));
        list.push({
          _: 'fileHash',
          offset: BigInt(at),
          limit: part.length,
          hash: new Uint8Array(createHash('sha256').update(part).digest()),
        });
      }
      this.hashList = list;
    }
    return this.hashList;
  }

  /** Up to 1 MiB of hashes from the part holding `offset`. */
  hashesFrom(offset: number): FileHash[] {
    const first = Math.floor(offset / CDN_HASH_PART);
    return this.hashes().slice(first, first + HASHES_PER_ANSWER);
  }

  /** Bytes [offset, offset + limit) as the CDN serves them: encrypted, with corrupted parts flipped. */
  read(offset: number, limit: number): Uint8Array {
    if (!this.encrypted) {
      // The whole file under one counter stream that starts at IV[0..12] ‖ 0: block n has counter IV[0..12] ‖ BE32(n).
      const iv0 = this.iv.slice();
      iv0.fill(0, 12);
      const c = createCipheriv('aes-256-ctr', this.key, iv0);
      this.encrypted = new Uint8Array(Buffer.concat([c.update(this.plain()), c.final()]));
    }
    const out = this.encrypted.slice(offset, Math.min(offset + limit, this.encrypted.length));
    for (const part of this.corrupt) {
      const at = part * CDN_HASH_PART - offset;
      if (at >= 0 && at < out.length) out[at]! ^= 0x5a;
    }
    return out;
  }
}

/** Counters of what the CDN was asked (for tests). */
export interface CdnStats {
  redirects: number;
  cdnFileRequests: number;
  reuploadsNeeded: number;
  reuploads: number;
  hashRequests: number;
}

/** The CDN of one backend. See the module comment. */
export class CdnStore {
  /** The DC that plays the CDN (undefined: no CDN). */
  dcId: number | undefined;
  /** The CDN DC's public RSA key (PKCS#1 PEM), as `help.getCdnConfig` lists it. */
  publicKeyPem = '';
  /** Redirect every document download (default), or only the files given to {@link serve}. */
  redirectAll = true;
  readonly stats: CdnStats = { redirects: 0, cdnFileRequests: 0, reuploadsNeeded: 0, reuploads: 0, hashRequests: 0 };
  private readonly selected = new Set<bigint>();
  private readonly byMedia = new Map<bigint, CdnFile>();
  private readonly byToken = new Map<string, CdnFile>();

  constructor(private readonly backend: TelegramBackend) {}

  /**
   * Makes DC `dcId` the CDN. `publicKeyPem` is its RSA key for
   * `help.getCdnConfig` (the test server's `publicKeyPem`: every DC of the
   * test server shares one key). With `files: 'selected'` only the files
   * given to {@link serve} are redirected.
   */
  enable(options: { dcId: number; publicKeyPem: string; files?: 'all' | 'selected' }): this {
    this.backend.dcs.check(options.dcId);
    this.dcId = options.dcId;
    this.publicKeyPem = options.publicKeyPem;
    this.redirectAll = (options.files ?? 'all') === 'all';
    return this;
  }

  /** Redirects downloads of media `fileId` to the CDN. */
  serve(fileId: bigint): void {
    this.selected.add(fileId);
  }

  /** Whether a download of `media` (the file itself, not a thumbnail) goes to the CDN. */
  redirects(media: MediaFile): boolean {
    return this.dcId !== undefined && media.file.kind === 'document' && (this.redirectAll || this.selected.has(media.id));
  }

  /** The CDN entry of `media`, made on first use (one token, key and IV per file). */
  entryFor(media: MediaFile): CdnFile {
    let e = this.byMedia.get(media.id);
    if (!e) {
      const b = this.backend;
      e = new CdnFile(media, b.randomBytes(32), b.randomBytes(32), b.randomBytes(16));
      this.byMedia.set(media.id, e);
      this.byToken.set(hex(e.token), e);
    }
    return e;
  }

  /** The entry a file token names, or undefined. */
  byFileToken(token: Uint8Array): CdnFile | undefined {
    return this.byToken.get(hex(token));
  }

  /** The CDN serves 128 KiB part `part` of media `fileId` with one byte flipped (the client's hash check must catch it). */
  corruptPart(fileId: bigint, part: number): void {
    this.entry(fileId).corrupt.add(part);
  }

  /** The CDN forgets media `fileId`: `upload.getCdnFile` answers `cdnFileReuploadNeeded` until a reupload. */
  evict(fileId: bigint): void {
    this.entry(fileId).onCdn = false;
  }

  private entry(fileId: bigint): CdnFile {
    const e = this.byMedia.get(fileId);
    if (!e) throw new ArgumentError(`media ${fileId} has not been served through the CDN yet`);
    return e;
  }
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

const stores = new WeakMap<TelegramBackend, CdnStore>();

/**
 * The CDN of `backend` (made on first use, disabled until `enable`).
 *
 * @example
 * ```ts
 * const server = await TestServer.start({ dcs: [1, 2, 3, 4] });
 * const cdn = cdnStore(server.backend).enable({ dcId: 4, publicKeyPem: server.publicKeyPem });
 * // ... a client downloads a document: it is redirected to DC 4
 * cdn.corruptPart(documentId, 1); // the next download of part 1 fails its SHA-256 check
 * ```
 */
export function cdnStore(backend: TelegramBackend): CdnStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new CdnStore(backend)));
  return s;
}
