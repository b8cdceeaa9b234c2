/**
 * DC addresses: Telegram's built-in lists (production and test DCs), the
 * conversion from `help.getConfig`'s `dcOption`s
 * (https://core.telegram.org/method/help.getConfig), and the choice of an
 * address for a DC. The pool starts from the built-in list (or the stored
 * one), then replaces it with the server's config and keeps it current on
 * `updateDcOptions` (https://core.telegram.org/constructor/updateDcOptions).
 */
import type { DcOption } from '../tl/generated/types.js';
import type { DcAddress } from '../storage/types.js';

/** Telegram's production DCs (IPv4, port 443), the bootstrap list before the first `help.getConfig`. */
export const PRODUCTION_DCS: readonly DcAddress[] = Object.freeze([
  { id: 1, host: '149.154.175.53', port: 443 },
  { id: 2, host: '149.154.167.51', port: 443 },
  { id: 3, host: '149.154.175.100', port: 443 },
  { id: 4, host: '149.154.167.91', port: 443 },
  { id: 5, host: '91.108.56.130', port: 443 },
]);

/** Telegram's test DCs (https://core.telegram.org/api/auth#test-accounts). */
export const TEST_DCS: readonly DcAddress[] = Object.freeze([
  { id: 1, host: '149.154.175.10', port: 443 },
  { id: 2, host: '149.154.167.40', port: 443 },
  { id: 3, host: '149.154.175.117', port: 443 },
]);

/** The `dcOption`s of a config as storage's `DcAddress`es (CDN and `this_port_only` entries kept, flags mapped). */
export function dcOptionsFromConfig(options: readonly DcOption[]): DcAddress[] {
  const out: DcAddress[] = [];
  for (const o of options) {
    const a: DcAddress = { id: o.id, host: o.ip_address, port: o.port };
    if (o.ipv6) a.ipv6 = true;
    if (o.media_only) a.mediaOnly = true;
    if (o.cdn) a.cdn = true;
    if (o.tcpo_only) a.tcpoOnly = true;
    if (o.secret) a.secret = o.secret;
    out.push(a);
  }
  return out;
}

/** What {@link pickDcAddress} may choose. */
export interface PickDcOptions {
  /** A media-only address is preferred (file transfers); falls back to a regular one. */
  media?: boolean;
  /** Allow IPv6 addresses (default false). */
  ipv6?: boolean;
  /** Pick the DC's CDN address instead (https://core.telegram.org/cdn); only CDN entries qualify. */
  cdn?: boolean;
}

/**
 * The address to use for DC `dcId`: a non-CDN IPv4 entry (IPv6 if allowed),
 * media-only first when `media` is set and one exists, never a media-only
 * entry for API calls. Undefined when the list has no usable entry.
 */
export function pickDcAddress(options: readonly DcAddress[], dcId: number, pick: PickDcOptions = {}): DcAddress | undefined {
  const usable = options.filter((o) => o.id === dcId && (o.cdn === true) === (pick.cdn === true) && (pick.ipv6 || !o.ipv6));
  if (pick.media) {
    const media = usable.find((o) => o.mediaOnly);
    if (media) return media;
  }
  return usable.find((o) => !o.mediaOnly);
}
