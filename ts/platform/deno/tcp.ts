/**
 * `#platform/tcp` under the `deno` condition: the runtime's TCP is
 * `Deno.connect` (Deno also emulates node:net, but its own sockets are the
 * ones measured and tested). The `deno` condition, not a `typeof Deno` test,
 * picks this file.
 */
import { createDenoTcpFactory } from '../deno-tcp.js';
import type { SocketFactory } from '../types.js';

/**
 * TCP sockets of the runtime — here `Deno.connect`. The name is the one every
 * `#platform/tcp` variant exports (Node: node:net).
 */
export function createNodeTcpFactory(): SocketFactory {
  return createDenoTcpFactory();
}
