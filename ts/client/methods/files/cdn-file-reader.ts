/**
 * Reading a file from a CDN DC (https://core.telegram.org/cdn) after
 * `upload.getFile` answered `upload.fileCdnRedirect`:
 *
 * - the CDN DC's RSA keys come from `help.getCdnConfig` (once per client);
 *   the connection to it carries no login (CDN DCs get no `importAuthorization`);
 * - `upload.getCdnFile` returns AES-256-CTR ciphertext: the counter block of
 *   byte `offset` is the redirect's IV with its last 4 bytes replaced by
 *   `offset / 16` big-endian;
 * - every 128 KiB part is checked against its SHA-256 from `file_hashes` or
 *   `upload.getCdnFileHashes` (asked of the master DC); a mismatch is a
 *   `SecurityError` — CDN DCs are "enemy territory", their bytes are never
 *   accepted unchecked;
 * - `upload.cdnFileReuploadNeeded` is answered with `upload.reuploadCdnFile`
 *   on the master DC, then the part is asked again.
 */
import { RpcError, SecurityError, WasmgramError } from '../../../errors.js';
import { loadRsaPublicKey } from '../../../crypto/rsa.js';
import type { FileHash, upload } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/** Bytes each hash of `file_hashes` covers. */
export const CDN_HASH_PART = 128 * 1024;
/** How many reupload rounds one part may go through before the download fails. */
const MAX_REUPLOADS = 3;

const keysLoaded = new WeakMap<ClientCore, Promise<void>>();

/** Fetches the CDN DCs' RSA keys (`help.getCdnConfig`) once per client and gives them to the DC pool. */
export function loadCdnKeys(client: ClientCore): Promise<void> {
  let p = keysLoaded.get(client);
  if (!p) {
    p = (async () => {
      const config = await client.invoke({ _: 'help.getCdnConfig' });
      client.pool.addCdnKeys(config.public_keys.map((k) => loadRsaPublicKey(k.public_key, client.crypto)));
    })();
    p.catch(() => keysLoaded.delete(client)); // a failed fetch is tried again by the next download
    keysLoaded.set(client, p);
  }
  return p;
}

/** The file token expired or the CDN refused it: the caller goes back to `upload.getFile` without `cdn_supported`. */
export function isCdnTokenInvalid(e: unknown): boolean {
  return RpcError.is(e, 'FILE_TOKEN_INVALID');
}

/** Reads the parts of one redirected file. */
export class CdnFileReader {
  private readonly hashes = new Map<number, FileHash>();
  private readonly hashFetches = new Map<number, Promise<void>>();
  private readonly reuploads = new Map<string, Promise<void>>();
  readonly dcId: number;
  private readonly token: Uint8Array;
  private readonly key: Uint8Array;
  private readonly iv: Uint8Array;

  /**
   * @param masterDcId the DC that stores the file (where hashes and reuploads are asked)
   */
  constructor(
    private readonly client: ClientCore,
    redirect: upload.File.fileCdnRedirect,
    private readonly masterDcId: number,
  ) {
    if (redirect.encryption_key.length !== 32 || redirect.encryption_iv.length !== 16) {
      throw new WasmgramError('upload.fileCdnRedirect: the key must be 32 bytes and the IV 16');
    }
    this.dcId = redirect.dc_id;
    this.token = redirect.file_token;
    this.key = redirect.encryption_key;
    this.iv = redirect.encryption_iv;
    this.addHashes(redirect.file_hashes);
  }

  /**
   * Bytes [offset, offset + limit) of the file, decrypted and checked (fewer
   * at the end of the file). `offset` and `limit` follow `upload.getFile`'s
   * rules; a range smaller than a hash part is read as the whole part and cut.
   *
   * @throws SecurityError when a part does not match its SHA-256; RpcError from the DCs
   */
  async read(offset: number, limit: number, options: { slot?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const start = Math.floor(offset / CDN_HASH_PART) * CDN_HASH_PART;
    const size = Math.max(limit + (offset - start), CDN_HASH_PART);
    await loadCdnKeys(this.client);
    let bytes: Uint8Array | undefined;
    for (let round = 0; !bytes; round++) {
      const r = await this.client.invoke(
        { _: 'upload.getCdnFile', file_token: this.token, offset: BigInt(start), limit: size },
        {
          dcId: this.dcId,
          cdn: true,
          ...(options.slot !== undefined && { slot: options.slot }),
          ...(options.signal && { signal: options.signal }),
        },
      );
      if (r._ === 'upload.cdnFile') bytes = r.bytes;
      else if (round >= MAX_REUPLOADS) throw new WasmgramError(`the CDN still asks for a reupload after ${MAX_REUPLOADS} rounds`);
      else await this.reupload(r.request_token);
    }
    if (bytes.length > size) throw new WasmgramError(`upload.getCdnFile returned ${bytes.length} bytes for a ${size}-byte request`);
    const plain = this.decrypt(start, bytes);
    await this.verify(start, plain);
    return plain.subarray(offset - start, offset - start + limit);
  }

  /** AES-256-CTR from the counter block of `offset` (https://core.telegram.org/cdn#decrypting-files). */
  private decrypt(offset: number, bytes: Uint8Array): Uint8Array {
    const iv = this.iv.slice();
    new DataView(iv.buffer).setUint32(12, offset / 16, false);
    const ctr = this.client.crypto.createCtr(this.key, iv);
    try {
      return ctr.process(bytes);
    } finally {
      ctr.dispose();
    }
  }

  /** Checks each 128 KiB part of `plain` (which starts at `offset`) against its hash. */
  private async verify(offset: number, plain: Uint8Array): Promise<void> {
    for (let at = 0; at < plain.length; at += CDN_HASH_PART) {
      const partOffset = offset + at;
      let h = this.hashes.get(partOffset);
      if (!h) {
        await this.fetchHashes(partOffset);
        h = this.hashes.get(partOffset);
      }
      if (!h) throw new SecurityError('cdn_hash_missing', `no SHA-256 for the CDN part at offset ${partOffset}`);
      const part = plain.subarray(at, Math.min(at + h.limit, plain.length));
      const ok = part.length === h.limit && equal(this.client.crypto.sha256(part), h.hash);
      if (!ok) throw new SecurityError('cdn_file_hash', `the CDN part at offset ${partOffset} does not match its SHA-256: refused`);
    }
  }

  private fetchHashes(offset: number): Promise<void> {
    let p = this.hashFetches.get(offset);
    if (!p) {
      p = this.client
        .invoke({ _: 'upload.getCdnFileHashes', file_token: this.token, offset: BigInt(offset) }, { dcId: this.masterDcId })
        .then((list) => this.addHashes(list))
        .finally(() => this.hashFetches.delete(offset));
      this.hashFetches.set(offset, p);
    }
    return p;
  }

  /** One `upload.reuploadCdnFile` per request token, shared by the parts that got it. */
  private reupload(requestToken: Uint8Array): Promise<void> {
    const key = Array.from(requestToken, (b) => b.toString(16).padStart(2, '0')).join('');
    let p = this.reuploads.get(key);
    if (!p) {
      p = this.client
        .invoke({ _: 'upload.reuploadCdnFile', file_token: this.token, request_token: requestToken }, { dcId: this.masterDcId })
        .then((list) => this.addHashes(list));
      this.reuploads.set(key, p);
    }
    return p;
  }

  private addHashes(list: readonly FileHash[]): void {
    for (const h of list) {
      // Only hashes on part boundaries can be checked; anything else from the server is ignored.
      const at = Number(h.offset);
      if (Number.isSafeInteger(at) && at % CDN_HASH_PART === 0 && h.limit > 0 && h.limit <= CDN_HASH_PART && h.hash.length === 32) {
        this.hashes.set(at, h);
      }
    }
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
