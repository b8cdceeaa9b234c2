/**
 * A fault-injecting TCP relay for tests: put it between a client and a
 * server to drop, delay, duplicate, reorder, stall, cut or half-open the
 * connection while traffic flows. Node-only. See fault-relay.ts.
 */
export { FaultRelay, type FaultRelayOptions } from './fault-relay.js';
export {
  type AcceptMode,
  checkDirectionFaults,
  type DirectionFaults,
  type RelayDirection,
  type RelayStats,
} from './relay-faults.js';
