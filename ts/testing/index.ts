/**
 * wasmgram/testing — run your client or bot against an MTProto server on
 * loopback instead of Telegram: `TestServer` (the protocol: key exchange,
 * encrypted sessions, every transport, fault injection) in front of
 * `TelegramBackend` (the in-memory Telegram: accounts, test-DC logins
 * `99966XYYYY` / code X five times, bots, config, updates). Node-only.
 *
 * @example
 * ```ts
 * import { TestServer } from 'wasmgram/testing';
 * const server = await TestServer.start({ dcs: [1, 2, 3] });
 * server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
 * // connect a client to server.dc(2) with server.publicKeyPem ...
 * await server.stop();
 * ```
 */
export * from './server/index.js';
export * from './telegram/index.js';
