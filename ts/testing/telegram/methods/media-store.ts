/**
 * Photos and documents the in-memory Telegram holds
 * (https://core.telegram.org/api/files): an upload becomes a file with an
 * id, an access hash, the DC that stores it and a **file reference** — the
 * opaque token a client must send back with every `upload.getFile`
 * (https://core.telegram.org/api/file_reference). Tests can expire the
 * references of a file ({@link MediaStore.expireReferences}); the old ones
 * then answer `FILE_REFERENCE_EXPIRED` until the client re-fetches the
 * message and gets the new one.
 *
 * Bounded: at most {@link MAX_MEDIA_BYTES} of content per backend; the
 * oldest files are forgotten first (their messages keep the media object,
 * downloads answer LOCATION_INVALID).
 */
import type { Document, DocumentAttribute, MessageMedia, Photo, PhotoSize } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';

/** Most content bytes one backend keeps for photos and documents. */
const MAX_MEDIA_BYTES = 1024 * 1024 * 1024;
/** How many expired references of a file are still recognized as expired (older ones are invalid). */
const KEPT_EXPIRED = 8;
/** The photo size type the emulator stores (https://core.telegram.org/api/files#image-thumbnail-types: 'x' is 800×800 box; here the original). */
const PHOTO_SIZE_TYPE = 'x';
/** The size type of a document's thumbnail. */
const DOCUMENT_THUMB_TYPE = 'm';

/** The bytes of a stored file as parts (each part as uploaded; ranges read across them). */
export interface FileContent {
  readonly parts: readonly Uint8Array[];
  readonly size: number;
}

/** What a new photo or document is made of. */
export interface NewMediaFile {
  readonly kind: 'photo' | 'document';
  readonly content: FileContent;
  readonly dcId: number;
  readonly date: number;
  /** Documents: MIME type (photos: image/jpeg or image/png). */
  readonly mimeType: string;
  readonly attributes: readonly DocumentAttribute[];
  /** Photos: pixel size; documents: the thumbnail's. */
  readonly width: number;
  readonly height: number;
  /** A document's thumbnail (served as size type 'm'). */
  readonly thumb?: { readonly content: FileContent; readonly width: number; readonly height: number } | undefined;
}

/** One stored photo or document. */
export class MediaFile {
  fileReference: Uint8Array;
  private readonly expired: Uint8Array[] = [];

  constructor(
    readonly id: bigint,
    readonly accessHash: bigint,
    fileReference: Uint8Array,
    readonly file: NewMediaFile,
  ) {
    this.fileReference = fileReference;
  }

  /** Whether `ref` is the current reference, an expired one, or unknown. */
  referenceState(ref: Uint8Array): 'valid' | 'expired' | 'invalid' {
    if (sameBytes(ref, this.fileReference)) return 'valid';
    return this.expired.some((r) => sameBytes(r, ref)) ? 'expired' : 'invalid';
  }

  /** Replaces the reference; the old one answers FILE_REFERENCE_EXPIRED from now on. */
  rotate(next: Uint8Array): void {
    this.expired.push(this.fileReference);
    if (this.expired.length > KEPT_EXPIRED) this.expired.shift();
    this.fileReference = next;
  }

  /** The content served for `thumbSize` ('' or the photo type for the file itself), or undefined. */
  contentFor(thumbSize: string): FileContent | undefined {
    const f = this.file;
    if (f.kind === 'photo') return thumbSize === PHOTO_SIZE_TYPE ? f.content : undefined;
    if (thumbSize === '') return f.content;
    return thumbSize === DOCUMENT_THUMB_TYPE ? f.thumb?.content : undefined;
  }

  /** The TL `photo` (https://core.telegram.org/constructor/photo). */
  toPhoto(): Photo.photo {
    const f = this.file;
    const size: PhotoSize = { _: 'photoSize', type: PHOTO_SIZE_TYPE, w: f.width, h: f.height, size: f.content.size };
    return {
      _: 'photo',
      id: this.id,
      access_hash: this.accessHash,
      file_reference: this.fileReference,
      date: f.date,
      sizes: [size],
      dc_id: f.dcId,
    };
  }

  /** The TL `document` (https://core.telegram.org/constructor/document). */
  toDocument(): Document.document {
    const f = this.file;
    const d: Document.document = {
      _: 'document',
      id: this.id,
      access_hash: this.accessHash,
      file_reference: this.fileReference,
      date: f.date,
      mime_type: f.mimeType,
      size: BigInt(f.content.size),
      dc_id: f.dcId,
      attributes: [...f.attributes],
    };
    if (f.thumb)
      d.thumbs = [{ _: 'photoSize', type: DOCUMENT_THUMB_TYPE, w: f.thumb.width, h: f.thumb.height, size: f.thumb.content.size }];
    return d;
  }

  /** The `messageMediaPhoto` / `messageMediaDocument` of a message holding this file, with the current reference. */
  toMessageMedia(): MessageMedia {
    if (this.file.kind === 'photo') return { _: 'messageMediaPhoto', photo: this.toPhoto() };
    const m: MessageMedia.messageMediaDocument = { _: 'messageMediaDocument', document: this.toDocument() };
    for (const a of this.file.attributes) {
      if (a._ === 'documentAttributeVideo') {
        m.video = true;
        if (a.round_message) m.round = true;
      }
      if (a._ === 'documentAttributeAudio' && a.voice) m.voice = true;
    }
    return m;
  }
}

/** Every photo and document of one backend. */
export class MediaStore {
  private readonly files = new Map<bigint, MediaFile>();
  private bytes = 0;

  constructor(private readonly backend: TelegramBackend) {}

  /** Stores a new file with a fresh id, access hash and reference; forgets the oldest past the byte bound. */
  add(file: NewMediaFile): MediaFile {
    const b = this.backend;
    let id: bigint;
    do id = readLong(b.randomBytes(8));
    while (id === 0n || this.files.has(id));
    const m = new MediaFile(id, readLong(b.randomBytes(8)), this.newReference(), file);
    this.files.set(id, m);
    this.bytes += weight(m);
    for (const [oldId, old] of this.files) {
      if (this.bytes <= MAX_MEDIA_BYTES || old === m) break;
      this.files.delete(oldId);
      this.bytes -= weight(old);
    }
    return m;
  }

  /** The file with `id`, or undefined. */
  get(id: bigint): MediaFile | undefined {
    return this.files.get(id);
  }

  /**
   * Gives files new file references, so the old ones answer
   * FILE_REFERENCE_EXPIRED (every file, or those with the given ids) — as
   * Telegram does when a reference times out. Returns how many changed.
   */
  expireReferences(ids?: readonly bigint[]): number {
    const list = ids ? ids.map((id) => this.files.get(id)).filter((f) => f !== undefined) : [...this.files.values()];
    for (const f of list) f.rotate(this.newReference());
    return list.length;
  }

  private newReference(): Uint8Array {
    // Telegram's references are opaque; 1 version byte + 16 random bytes is the shape clients see.
    const r = new Uint8Array(17);
    r[0] = 2;
    r.set(this.backend.randomBytes(16), 1);
    return r;
  }
}

function weight(m: MediaFile): number {
  return m.file.content.size + (m.file.thumb?.content.size ?? 0);
}

function readLong(b: Uint8Array): bigint {
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const stores = new WeakMap<TelegramBackend, MediaStore>();

/**
 * The photo and document store of `backend` (made on first use).
 *
 * @example
 * ```ts
 * // Make every file reference the client holds stale: its next download gets FILE_REFERENCE_EXPIRED.
 * mediaStore(server.backend).expireReferences();
 * ```
 */
export function mediaStore(backend: TelegramBackend): MediaStore {
  let store = stores.get(backend);
  if (!store) stores.set(backend, (store = new MediaStore(backend)));
  return store;
}
