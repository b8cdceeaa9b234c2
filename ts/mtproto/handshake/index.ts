/**
 * The client side of the auth key exchange
 * (https://core.telegram.org/mtproto/auth_key) as pure steps plus a small
 * driver. The server side (server.ts, server-inner-data.ts, `ServerHandshake`)
 * is exported from ../server-side.ts for the test server, not from here.
 */
export {
  finishKeyExchange,
  requestDhParams,
  setClientDhParams,
  startKeyExchange,
  type ClientHandshakeOptions,
  type ClientStep1State,
  type ClientStep2State,
  type ClientStep3State,
  type KeyExchangeOutcome,
  type KeyExchangeStep,
} from './client.js';
export { ClientHandshake, type ClientHandshakeOutput } from './driver.js';
export { longFromBytes, type AuthKeyResult, type MsgIdSource } from './common.js';
