/**
 * `help.*`: the DC list (https://core.telegram.org/method/help.getConfig) and
 * the nearest DC (https://core.telegram.org/method/help.getNearestDc). Both
 * work without signing in.
 */
import { buildConfig, buildNearestDc } from '../config.js';
import type { MethodTable } from '../method-call.js';
import { markCdnOptions } from './cdn.js';

/** `help.getConfig`, `help.getNearestDc`. */
export const helpMethods: MethodTable = {
  'help.getConfig': {
    auth: false,
    run: (call) => {
      const config = buildConfig({ thisDc: call.dcId, dcs: call.backend.dcs.all(), now: call.now });
      return { ...config, dc_options: markCdnOptions(call, config.dc_options) };
    },
  },
  'help.getNearestDc': {
    auth: false,
    run: (call) => buildNearestDc(call.dcId),
  },
};
