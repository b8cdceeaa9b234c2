/**
 * `Photo`: a photo with typed getters over the raw `photo`
 * (https://core.telegram.org/constructor/photo) and the file location of
 * each size (https://core.telegram.org/api/files#downloading-files).
 */
import type { InputFileLocation, PhotoSize, Photo as TlPhoto } from '../../tl/generated/types.js';
import { ArgumentError } from '../../errors.js';

/** Where a file is and how big it is: what `upload.getFile` needs. */
export interface FileLocation {
  readonly location: InputFileLocation;
  /** The DC that stores the file. */
  readonly dcId: number;
  /** Bytes, when known. */
  readonly size: number | undefined;
}

/** A size's byte count (the largest progressive step for progressive JPEGs; inline sizes count their bytes). */
export function photoSizeBytes(s: PhotoSize): number {
  switch (s._) {
    case 'photoSize':
      return s.size;
    case 'photoSizeProgressive':
      return Math.max(0, ...s.sizes);
    case 'photoCachedSize':
    case 'photoStrippedSize':
    case 'photoPathSize':
      return s.bytes.length;
    default:
      return 0;
  }
}

/** A photo. The TL object is `.raw`. */
export class Photo {
  readonly kind = 'photo' as const;
  constructor(readonly raw: TlPhoto.photo) {}

  get id(): bigint {
    return this.raw.id;
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  /** The DC that stores it. */
  get dcId(): number {
    return this.raw.dc_id;
  }
  /** The sizes that can be downloaded (not the inline stripped/cached ones). */
  get sizes(): (PhotoSize.photoSize | PhotoSize.photoSizeProgressive)[] {
    return this.raw.sizes.filter((s) => s._ === 'photoSize' || s._ === 'photoSizeProgressive');
  }
  /** The largest downloadable size. */
  get largest(): PhotoSize.photoSize | PhotoSize.photoSizeProgressive | undefined {
    let best: PhotoSize.photoSize | PhotoSize.photoSizeProgressive | undefined;
    for (const s of this.sizes)
      if (!best || s.w * s.h > best.w * best.h || (s.w * s.h === best.w * best.h && photoSizeBytes(s) > photoSizeBytes(best))) best = s;
    return best;
  }
  get width(): number {
    return this.largest?.w ?? 0;
  }
  get height(): number {
    return this.largest?.h ?? 0;
  }
  /** Bytes of the largest size. */
  get fileSize(): number {
    const l = this.largest;
    return l ? photoSizeBytes(l) : 0;
  }

  /** The location of size `type` (default: the largest). */
  location(type?: string): FileLocation {
    const size = type === undefined ? this.largest : this.sizes.find((s) => s.type === type);
    if (!size) throw new ArgumentError(type === undefined ? 'the photo has no downloadable size' : `the photo has no size '${type}'`);
    return {
      location: {
        _: 'inputPhotoFileLocation',
        id: this.raw.id,
        access_hash: this.raw.access_hash,
        file_reference: this.raw.file_reference,
        thumb_size: size.type,
      },
      dcId: this.raw.dc_id,
      size: photoSizeBytes(size),
    };
  }
}
