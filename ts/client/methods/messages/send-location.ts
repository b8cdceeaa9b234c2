/**
 * Locations: a fixed point (`inputMediaGeoPoint`) and live locations
 * (`inputMediaGeoLive`, updated with `messages.editMessage` until the period
 * ends or it is stopped; https://core.telegram.org/api/live-location).
 */
import type { InputGeoPoint, InputMedia } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { type SendExtrasParams, sendInputMedia } from './send-input-media.js';
import { messagesFromUpdates } from './wrap.js';
import { WasmgramError } from '../../../errors.js';

/** A point on Earth. */
export interface GeoLocation {
  latitude: number;
  longitude: number;
  /** Accuracy radius in metres. */
  accuracy?: number;
}

/** Options of a live location. */
export interface LiveLocationParams extends SendExtrasParams {
  /** Seconds it stays live: 60..86400, or 0x7fffffff for "until stopped" (default 900). */
  period?: number;
  /** Direction of movement, 1..360 degrees. */
  heading?: number;
  /** Notify when another user comes this close, metres. */
  proximityRadius?: number;
}

function geo(p: GeoLocation): InputGeoPoint {
  return { _: 'inputGeoPoint', lat: p.latitude, long: p.longitude, ...(p.accuracy !== undefined && { accuracy_radius: p.accuracy }) };
}

function live(
  point: GeoLocation,
  p: Omit<LiveLocationParams, keyof SendExtrasParams> & { stopped?: boolean },
): InputMedia.inputMediaGeoLive {
  return {
    _: 'inputMediaGeoLive',
    geo_point: geo(point),
    ...(p.period !== undefined && { period: p.period }),
    ...(p.heading !== undefined && { heading: p.heading }),
    ...(p.proximityRadius !== undefined && { proximity_notification_radius: p.proximityRadius }),
    ...(p.stopped && { stopped: true }),
  };
}

/**
 * Sends a fixed location.
 *
 * @example
 * ```ts
 * await sendLocation(client, 'me', { latitude: 52.52, longitude: 13.405 });
 * ```
 * @throws RpcError GEO_POINT_INVALID
 */
export function sendLocation(client: ClientCore, peer: PeerLike, point: GeoLocation, params?: SendExtrasParams): Promise<Message> {
  return sendInputMedia(client, peer, { _: 'inputMediaGeoPoint', geo_point: geo(point) }, params);
}

/**
 * Starts sharing a live location; move it with {@link editLiveLocation}.
 *
 * @example
 * ```ts
 * const m = await sendLiveLocation(client, '@friend', { latitude: 52.52, longitude: 13.4 }, { period: 3600 });
 * await editLiveLocation(client, '@friend', m.id, { latitude: 52.53, longitude: 13.41 }, { heading: 90 });
 * await editLiveLocation(client, '@friend', m.id, { latitude: 52.53, longitude: 13.41 }, { stopped: true });
 * ```
 * @throws RpcError PERIOD_INVALID, HEADING_INVALID, GEO_POINT_INVALID
 */
export function sendLiveLocation(
  client: ClientCore,
  peer: PeerLike,
  point: GeoLocation,
  params: LiveLocationParams = {},
): Promise<Message> {
  return sendInputMedia(client, peer, live(point, params), params);
}

/**
 * Moves (or with `stopped`, ends) a live location and returns the edited message.
 *
 * @throws RpcError MESSAGE_EDIT_TIME_EXPIRED once the period ended or it was stopped
 */
export async function editLiveLocation(
  client: ClientCore,
  peer: PeerLike,
  id: number,
  point: GeoLocation,
  params: { heading?: number; proximityRadius?: number; stopped?: boolean } = {},
): Promise<Message> {
  const input = await resolvePeer(client, peer);
  const res = await client.invoke({ _: 'messages.editMessage', peer: input, id, media: live(point, params) });
  const [m] = messagesFromUpdates(client, res);
  if (!(m instanceof Message)) throw new WasmgramError('messages.editMessage: the answer does not contain the edited message');
  return m;
}
