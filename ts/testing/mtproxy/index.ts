/**
 * A standalone MTProxy for tests (plain, `dd` and fake-TLS `ee` clients,
 * one secret, relaying to a `TestServer`'s DCs), and its sans-IO parts.
 * Node-only (the server); the session and fake-TLS pieces are sans-IO.
 */
export { type MtproxyStats, MtproxyTestServer, type MtproxyTestServerOptions, type MtproxyUpstream } from './mtproxy-server.js';
export { buildServerHello, checkClientHello, ReplayCache } from './fake-tls-server.js';
