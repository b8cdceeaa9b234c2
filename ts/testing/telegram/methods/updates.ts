/**
 * `updates.getState` and `updates.getDifference` (https://core.telegram.org/api/updates).
 * Nothing in the emulator produces pts-numbered updates yet, so a client
 * that is level with the server gets `updates.differenceEmpty`; a client
 * behind it would need stored updates, which do not exist, and gets a clear
 * METHOD_NOT_IMPLEMENTED instead of a made-up answer.
 */
import type { MethodTable } from '../method-call.js';
import { notImplemented } from '../rpc-errors.js';

/** `updates.getState`, `updates.getDifference`. */
export const updatesMethods: MethodTable = {
  'updates.getState': {
    auth: true,
    run(call) {
      const s = call.backend.updates.state(call.self().id);
      return { _: 'updates.state', pts: s.pts, qts: s.qts, date: call.now, seq: s.seq, unread_count: 0 };
    },
  },
  'updates.getDifference': {
    auth: true,
    run(call, req) {
      const s = call.backend.updates.state(call.self().id);
      if (req.pts < s.pts || req.qts < s.qts) throw notImplemented('updates.getDifference');
      return { _: 'updates.differenceEmpty', date: call.now, seq: s.seq };
    },
  },
};
