/**
 * `#platform/tcp` in browsers and generic workers: there is no TCP, so the
 * factory throws (the default sockets then take WebSocket).
 */
import { TransportError } from '../../errors.js';
import type { SocketFactory } from '../types.js';
import { notAvailable } from '../not-available.js';

/** Throws `TransportError`: browsers and generic workers have no TCP sockets. */
export function createNodeTcpFactory(): SocketFactory {
  throw new TransportError(notAvailable('TCP (Node net sockets)'));
}
