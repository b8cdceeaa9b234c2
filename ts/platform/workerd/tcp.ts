/**
 * `#platform/tcp` under the `workerd` condition: the runtime's TCP is
 * `connect()` from `cloudflare:sockets`
 * (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/), so
 * the client's default sockets (createDefaultSocketFactory) are TCP in a
 * Worker with no code of the user's. The package's "imports" map picks this
 * file for `workerd` only: the generic `worker` condition (other edge
 * runtimes) keeps the stub, and with it WebSocket.
 *
 * `cloudflare:sockets` stays an import of the built file: Workers provide the
 * module, and bundlers that target them keep `cloudflare:*` external
 * (wrangler does by default; esbuild needs `external: ['cloudflare:*']`).
 */
import { connect } from 'cloudflare:sockets';
import { createCloudflareTcpFactory } from '../cloudflare-sockets.js';
import type { SocketFactory } from '../types.js';

/**
 * TCP sockets of the runtime — here `cloudflare:sockets`. The name is the
 * one every `#platform/tcp` variant exports (Node: node:net), so the
 * code that asks for the runtime's TCP does not know which it got.
 *
 * @example
 * ```ts
 * // In a Worker, through the package's own entry:
 * import { createNodeTcpFactory } from 'wasmgram/transport/node';
 * const sockets = createNodeTcpFactory(); // cloudflare:sockets under workerd
 * ```
 */
export function createNodeTcpFactory(): SocketFactory {
  return createCloudflareTcpFactory({ connect });
}
