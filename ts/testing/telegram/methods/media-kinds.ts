/**
 * Message media that are not files: dice (a value the server picks,
 * https://core.telegram.org/api/dice), contacts (with the Telegram user of
 * that phone, when there is one), geo points and live locations
 * (https://core.telegram.org/api/live-location; a live location is edited
 * in place by `messages.editMessage` until its period ends or it is stopped).
 */
import type { GeoPoint, InputGeoPoint, InputMedia, MessageMedia } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';

/** The values each dice emoji can roll (https://core.telegram.org/api/dice). */
const DICE_FACES: Readonly<Record<string, number>> = { '🎲': 6, '🎯': 6, '🎳': 6, '🏀': 5, '⚽': 5, '🎰': 64 };

/** Live location periods Telegram accepts: 60 s to a day, or "until stopped" (0x7fffffff). */
const LIVE_FOREVER = 0x7fffffff;

/** A fixed media object (dice, contact, geo point). */
class FixedMedia {
  constructor(private readonly media: MessageMedia) {}
  toMessageMedia(): MessageMedia {
    return this.media;
  }
}

/** A live location: its point, heading and proximity radius change with edits; `stopped` ends it. */
export class LiveLocation {
  constructor(
    public geo: GeoPoint,
    public heading: number | undefined,
    readonly period: number,
    public proximity: number | undefined,
    readonly startDate: number,
    public stopped = false,
  ) {}

  toMessageMedia(): MessageMedia {
    const m: MessageMedia.messageMediaGeoLive = { _: 'messageMediaGeoLive', geo: this.geo, period: this.stopped ? 0 : this.period };
    if (this.heading !== undefined) m.heading = this.heading;
    if (this.proximity !== undefined) m.proximity_notification_radius = this.proximity;
    return m;
  }

  /** Applies an edit (`inputMediaGeoLive` on `messages.editMessage`). */
  edit(call: MethodCall, media: InputMedia.inputMediaGeoLive): void {
    if (this.stopped || (this.period !== LIVE_FOREVER && call.now > this.startDate + this.period))
      throw badRequest('MESSAGE_EDIT_TIME_EXPIRED');
    if (media.stopped) this.stopped = true;
    if (media.geo_point._ === 'inputGeoPoint') this.geo = geoPoint(call, media.geo_point);
    if (media.heading !== undefined) this.heading = checkHeading(media.heading);
    if (media.proximity_notification_radius !== undefined) this.proximity = media.proximity_notification_radius;
  }
}

function geoPoint(call: MethodCall, p: InputGeoPoint): GeoPoint {
  if (p._ !== 'inputGeoPoint' || !(Math.abs(p.lat) <= 90) || !(Math.abs(p.long) <= 180)) throw badRequest('GEO_POINT_INVALID');
  const g: GeoPoint.geoPoint = {
    _: 'geoPoint',
    lat: p.lat,
    long: p.long,
    access_hash: new DataView(call.backend.randomBytes(8).buffer).getBigInt64(0, true),
  };
  if (p.accuracy_radius !== undefined) g.accuracy_radius = p.accuracy_radius;
  return g;
}

function checkHeading(h: number): number {
  if (!Number.isInteger(h) || h < 1 || h > 360) throw badRequest('HEADING_INVALID');
  return h;
}

/** The media object of a non-file `InputMedia`, or undefined for other kinds. */
export function simpleMedia(call: MethodCall, media: InputMedia): FixedMedia | LiveLocation | undefined {
  switch (media._) {
    case 'inputMediaDice': {
      const faces = DICE_FACES[media.emoticon];
      if (faces === undefined) throw badRequest('EMOTICON_INVALID');
      // The server rolls: a uniform value in 1..faces from the backend's randomness.
      const value = 1 + (new DataView(call.backend.randomBytes(4).buffer).getUint32(0) % faces);
      return new FixedMedia({ _: 'messageMediaDice', value, emoticon: media.emoticon });
    }
    case 'inputMediaContact': {
      const phone = media.phone_number.replace(/[^0-9]/g, '');
      if (phone === '') throw badRequest('PHONE_NUMBER_INVALID');
      const user = call.backend.users.byPhone(phone);
      return new FixedMedia({
        _: 'messageMediaContact',
        phone_number: media.phone_number,
        first_name: media.first_name,
        last_name: media.last_name,
        vcard: media.vcard,
        user_id: user?.id ?? 0n,
      });
    }
    case 'inputMediaGeoPoint':
      return new FixedMedia({ _: 'messageMediaGeo', geo: geoPoint(call, media.geo_point) });
    case 'inputMediaGeoLive': {
      const period = media.period ?? 900;
      if (!(period === LIVE_FOREVER || (Number.isInteger(period) && period >= 60 && period <= 86400))) throw badRequest('PERIOD_INVALID');
      const heading = media.heading === undefined ? undefined : checkHeading(media.heading);
      return new LiveLocation(geoPoint(call, media.geo_point), heading, period, media.proximity_notification_radius, call.now);
    }
    default:
      return undefined;
  }
}
