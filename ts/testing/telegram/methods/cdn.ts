/**
 * The CDN methods (https://core.telegram.org/cdn): `help.getCdnConfig` (the
 * CDN DC's RSA key), `upload.getCdnFile` (on the CDN DC: encrypted bytes or
 * `upload.cdnFileReuploadNeeded`), and on the master DC
 * `upload.reuploadCdnFile` and `upload.getCdnFileHashes`. The redirect
 * itself is answered by `upload.getFile` (upload.ts) through
 * {@link cdnRedirect}.
 */
import type { DcOption, upload } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { type CdnFile, cdnStore } from './cdn-store.js';
import type { MediaFile } from './media-store.js';

/** The `upload.fileCdnRedirect` for `media` when the CDN serves it, else undefined. */
export function cdnRedirect(call: MethodCall, media: MediaFile): upload.File.fileCdnRedirect | undefined {
  const store = cdnStore(call.backend);
  if (store.dcId === undefined || !store.redirects(media)) return undefined;
  const e = store.entryFor(media);
  store.stats.redirects++;
  return {
    _: 'upload.fileCdnRedirect',
    dc_id: store.dcId,
    file_token: e.token,
    encryption_key: e.key,
    encryption_iv: e.iv,
    file_hashes: e.hashesFrom(0),
  };
}

/** Marks the CDN DC's entry of a config's DC list with `cdn` (help.getConfig, https://core.telegram.org/constructor/dcOption). */
export function markCdnOptions(call: MethodCall, options: DcOption[]): DcOption[] {
  const dcId = cdnStore(call.backend).dcId;
  return dcId === undefined ? options : options.map((o) => (o.id === dcId ? { ...o, cdn: true } : o));
}

/** Refuses master-DC methods on the CDN DC (400 CDN_METHOD_INVALID, https://core.telegram.org/method/upload.getFile). */
export function refuseOnCdn(call: MethodCall): void {
  if (cdnStore(call.backend).dcId === call.dcId) throw badRequest('CDN_METHOD_INVALID');
}

/** The entry of `token`, or 400 FILE_TOKEN_INVALID (the client then downloads from the master DC). */
function entry(call: MethodCall, token: Uint8Array): CdnFile {
  const e = cdnStore(call.backend).byFileToken(token);
  if (!e) throw badRequest('FILE_TOKEN_INVALID');
  return e;
}

/** Offsets as Telegram checks them for file parts: multiples of 4 KiB, limit dividing 1 MiB, inside one 1 MiB block. */
function checkCdnRange(offset: bigint, limit: number): number {
  const MIB = 1024 * 1024;
  if (!Number.isInteger(limit) || limit <= 0 || limit > MIB || limit % 4096 !== 0 || MIB % limit !== 0) throw badRequest('LIMIT_INVALID');
  if (offset < 0n || offset % 4096n !== 0n || offset > BigInt(Number.MAX_SAFE_INTEGER)) throw badRequest('OFFSET_INVALID');
  const at = Number(offset);
  if (Math.floor(at / MIB) !== Math.floor((at + limit - 1) / MIB)) throw badRequest('LIMIT_INVALID');
  return at;
}

/** `help.getCdnConfig`, `upload.getCdnFile`, `upload.reuploadCdnFile`, `upload.getCdnFileHashes`. */
export const cdnMethods: MethodTable = {
  'help.getCdnConfig': {
    auth: false,
    run(call) {
      const s = cdnStore(call.backend);
      return {
        _: 'cdnConfig',
        public_keys: s.dcId === undefined ? [] : [{ _: 'cdnPublicKey', dc_id: s.dcId, public_key: s.publicKeyPem }],
      };
    },
  },
  'upload.getCdnFile': {
    // CDN DCs serve anyone with a token: no login is carried there (https://core.telegram.org/cdn).
    auth: false,
    run(call, req) {
      const s = cdnStore(call.backend);
      if (s.dcId !== call.dcId) throw badRequest('FILE_TOKEN_INVALID');
      const e = entry(call, req.file_token);
      const offset = checkCdnRange(req.offset, req.limit);
      s.stats.cdnFileRequests++;
      if (!e.onCdn) {
        s.stats.reuploadsNeeded++;
        e.requestToken ??= call.backend.randomBytes(16);
        return { _: 'upload.cdnFileReuploadNeeded', request_token: e.requestToken };
      }
      return { _: 'upload.cdnFile', bytes: e.read(offset, req.limit) };
    },
  },
  'upload.reuploadCdnFile': {
    auth: true,
    run(call, req) {
      refuseOnCdn(call);
      const s = cdnStore(call.backend);
      const e = entry(call, req.file_token);
      // Several parts may ask at once: the last request token stays valid after the reupload.
      if (!e.requestToken || Buffer.compare(e.requestToken, req.request_token) !== 0) throw badRequest('RSA_DECRYPT_FAILED');
      s.stats.reuploads++;
      e.onCdn = true;
      return e.hashesFrom(0);
    },
  },
  'upload.getCdnFileHashes': {
    auth: true,
    run(call, req) {
      refuseOnCdn(call);
      const e = entry(call, req.file_token);
      cdnStore(call.backend).stats.hashRequests++;
      if (req.offset < 0n || req.offset > BigInt(Number.MAX_SAFE_INTEGER)) throw badRequest('OFFSET_INVALID');
      return e.hashesFrom(Number(req.offset));
    },
  },
};
