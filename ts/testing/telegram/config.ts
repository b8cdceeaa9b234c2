/**
 * The `config` object of `help.getConfig` (https://core.telegram.org/method/help.getConfig)
 * and the `nearestDc` of `help.getNearestDc`, describing the emulator's DCs.
 */
import type { Config, DcOption, NearestDc } from '../../tl/generated/types.js';
import type { DcAddress } from './dc-table.js';

/** Seconds a config stays valid (`expires - date`): clients refetch after that. */
export const CONFIG_TTL = 3600;

/** What the config depends on. */
export interface ConfigInput {
  /** The DC answering. */
  readonly thisDc: number;
  /** Every DC; ones without a port yet (0) are left out. */
  readonly dcs: readonly DcAddress[];
  /** Current Unix time. */
  readonly now: number;
}

/**
 * A complete `config`: `test_mode` set, one `dcOption` per DC with a port,
 * `date`/`expires` from the clock, and limits with the values Telegram's
 * production config uses (chat sizes, message lengths, edit windows).
 */
export function buildConfig(input: ConfigInput): Config.config {
  const dc_options: DcOption[] = [];
  for (const dc of input.dcs) {
    if (dc.port === 0) continue;
    dc_options.push({ _: 'dcOption', id: dc.id, ip_address: dc.ip, port: dc.port });
  }
  const webfile = input.dcs.length >= 4 ? 4 : 1;
  return {
    _: 'config',
    date: input.now,
    expires: input.now + CONFIG_TTL,
    test_mode: true,
    this_dc: input.thisDc,
    dc_options,
    // Only a DNS fallback name; `.invalid` never resolves (RFC 2606).
    dc_txt_domain_name: 'wasmgram-test.invalid',
    chat_size_max: 200,
    megagroup_size_max: 200000,
    forwarded_count_max: 100,
    online_update_period_ms: 210000,
    offline_blur_timeout_ms: 5000,
    offline_idle_timeout_ms: 30000,
    online_cloud_timeout_ms: 300000,
    notify_cloud_delay_ms: 30000,
    notify_default_delay_ms: 1500,
    push_chat_period_ms: 60000,
    push_chat_limit: 2,
    edit_time_limit: 172800,
    revoke_time_limit: 2147483647,
    revoke_pm_time_limit: 2147483647,
    rating_e_decay: 2419200,
    stickers_recent_limit: 200,
    channels_read_media_period: 604800,
    call_receive_timeout_ms: 20000,
    call_ring_timeout_ms: 90000,
    call_connect_timeout_ms: 30000,
    call_packet_timeout_ms: 10000,
    me_url_prefix: 'https://t.me/',
    caption_length_max: 1024,
    message_length_max: 4096,
    webfile_dc_id: webfile,
  };
}

/** `nearestDc`: country `XX` (unknown), and the answering DC is the nearest. */
export function buildNearestDc(thisDc: number): NearestDc.nearestDc {
  return { _: 'nearestDc', country: 'XX', this_dc: thisDc, nearest_dc: thisDc };
}
