/**
 * The auth key exchange (https://core.telegram.org/mtproto/auth_key), both
 * sides, as pure steps plus small drivers. See client.ts and server.ts.
 */
export {
  finishKeyExchange,
  startKeyExchange,
  requestDhParams,
  setClientDhParams,
  type ClientHandshakeOptions,
  type ClientStep1State,
  type ClientStep2State,
  type ClientStep3State,
  type KeyExchangeOutcome,
  type KeyExchangeStep,
} from './client.js';
export {
  generatePqPrimes,
  serverStep1,
  serverStep2,
  serverStep3,
  type KeyExchangeVariant,
  type ServerFinishResult,
  type ServerHandshakeOptions,
  type ServerRsaKey,
  type ServerStep1State,
  type ServerStep2State,
  type ServerStepResult,
} from './server.js';
export { decryptPqInnerData, type DecryptedInnerData, type PqInnerData, type RsaScheme } from './server-inner-data.js';
export { ClientHandshake, ServerHandshake, type ClientHandshakeOutput, type ServerHandshakeOutput } from './driver.js';
export { longFromBytes, type AuthKeyResult, type MsgIdSource } from './common.js';
