/**
 * `Document`: a file (video, audio, voice note, sticker, any file) with
 * typed getters over the raw `document`
 * (https://core.telegram.org/constructor/document) and its attributes.
 */
import type { DocumentAttribute, Document as TlDocument } from '../../tl/generated/types.js';
import { type FileLocation, photoSizeBytes } from './photo.js';
import { ArgumentError } from '../../errors.js';

/** A document. The TL object is `.raw`. */
export class Document {
  readonly kind = 'document' as const;
  constructor(readonly raw: TlDocument.document) {}

  get id(): bigint {
    return this.raw.id;
  }
  get date(): Date {
    return new Date(this.raw.date * 1000);
  }
  get dcId(): number {
    return this.raw.dc_id;
  }
  get mimeType(): string {
    return this.raw.mime_type;
  }
  /** Bytes. */
  get fileSize(): number {
    return Number(this.raw.size);
  }
  get attributes(): DocumentAttribute[] {
    return this.raw.attributes;
  }
  /** The file name (documentAttributeFilename), if any. */
  get fileName(): string | undefined {
    return this.attr('documentAttributeFilename')?.file_name;
  }
  get isVideo(): boolean {
    return this.attr('documentAttributeVideo') !== undefined;
  }
  get isRoundVideo(): boolean {
    return this.attr('documentAttributeVideo')?.round_message === true;
  }
  /** Music or a voice note. */
  get isAudio(): boolean {
    return this.attr('documentAttributeAudio') !== undefined;
  }
  get isVoice(): boolean {
    return this.attr('documentAttributeAudio')?.voice === true;
  }
  get isSticker(): boolean {
    return this.attr('documentAttributeSticker') !== undefined;
  }
  get isAnimation(): boolean {
    return this.attr('documentAttributeAnimated') !== undefined;
  }
  /** Seconds, for video and audio. */
  get duration(): number | undefined {
    return this.attr('documentAttributeVideo')?.duration ?? this.attr('documentAttributeAudio')?.duration;
  }
  /** Pixel size of videos, images and stickers. */
  get width(): number | undefined {
    return this.attr('documentAttributeVideo')?.w ?? this.attr('documentAttributeImageSize')?.w;
  }
  get height(): number | undefined {
    return this.attr('documentAttributeVideo')?.h ?? this.attr('documentAttributeImageSize')?.h;
  }
  /** Size types of the thumbnails that can be downloaded (`location(type)`). */
  get thumbTypes(): string[] {
    return (this.raw.thumbs ?? []).filter((t) => t._ === 'photoSize' || t._ === 'photoSizeProgressive').map((t) => t.type);
  }

  /** The file's location, or a thumbnail's with `thumb` (a size type from `thumbTypes`). */
  location(thumb?: string): FileLocation {
    let size = this.fileSize;
    if (thumb !== undefined) {
      const t = (this.raw.thumbs ?? []).find((x) => x.type === thumb && (x._ === 'photoSize' || x._ === 'photoSizeProgressive'));
      if (!t) throw new ArgumentError(`the document has no thumbnail '${thumb}'`);
      size = photoSizeBytes(t);
    }
    return {
      location: {
        _: 'inputDocumentFileLocation',
        id: this.raw.id,
        access_hash: this.raw.access_hash,
        file_reference: this.raw.file_reference,
        thumb_size: thumb ?? '',
      },
      dcId: this.raw.dc_id,
      size,
    };
  }

  private attr<K extends DocumentAttribute['_']>(name: K): Extract<DocumentAttribute, { _: K }> | undefined {
    return this.raw.attributes.find((a) => a._ === name) as Extract<DocumentAttribute, { _: K }> | undefined;
  }
}
