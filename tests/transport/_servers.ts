/**
 * Loopback test servers for the socket adapter tests: a node:net TCP server
 * and a `ws` WebSocket server on 127.0.0.1 with an ephemeral port, both
 * running wasmgram's server stream and echoing every packet back (after a
 * quick ACK when the client asked for one). Nothing here leaves loopback.
 */
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { createServerStream, type ServerStream, type ServerStreamInfo } from '../../ts/transport/server-stream.js';

/** What the server does with one received packet: the wire chunks to send back. */
export type PacketHandler = (payload: Uint8Array, stream: ServerStream, quickAck: boolean) => Uint8Array[];

/** Echo, preceded by a quick ACK whose token is the packet length. */
export const echo: PacketHandler = (payload, stream, quickAck) => [
  ...(quickAck ? [stream.encodeQuickAck(payload.length)] : []),
  stream.encode(payload),
];

export interface TestServer {
  port: number;
  /** Transport info of every connection, in accept order (filled on detection). */
  connections: (ServerStreamInfo | undefined)[];
  /** Errors the server streams threw. */
  errors: Error[];
  /** Extra facts (e.g. the WebSocket path and subprotocol). */
  handshakes: { path?: string; protocol?: string }[];
  close(): Promise<void>;
}

interface ServerOptions {
  crypto: CryptoProvider;
  handler?: PacketHandler;
  secret?: Uint8Array;
}

/** Runs one connection's bytes through a server stream. */
function attach(options: ServerOptions, server: TestServer, write: (b: Uint8Array) => void, end: () => void) {
  const stream = createServerStream({ crypto: options.crypto, ...(options.secret && { secret: options.secret }) });
  const index = server.connections.push(undefined) - 1;
  return {
    data(chunk: Uint8Array) {
      try {
        for (const frame of stream.feed(chunk)) {
          server.connections[index] = stream.info;
          if (frame.type !== 'packet') continue;
          for (const out of (options.handler ?? echo)(frame.payload, stream, frame.quickAck)) write(out);
        }
      } catch (e) {
        server.errors.push(e as Error);
        end();
      }
    },
    close: () => stream.dispose(),
  };
}

/** A TCP server on 127.0.0.1 (ephemeral port). */
export async function startTcpServer(options: ServerOptions): Promise<TestServer> {
  const sockets = new Set<NetSocket>();
  const net: Server = createServer((sock) => {
    sockets.add(sock);
    const conn = attach(
      options,
      result,
      (b) => sock.write(b),
      () => sock.destroy(),
    );
    sock.on('data', (b) => conn.data(new Uint8Array(b)));
    sock.on('error', () => {});
    sock.on('close', () => {
      sockets.delete(sock);
      conn.close();
    });
  });
  await new Promise<void>((resolve) => net.listen(0, '127.0.0.1', resolve));
  const result: TestServer = {
    port: (net.address() as AddressInfo).port,
    connections: [],
    errors: [],
    handshakes: [],
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        net.close(() => resolve());
      }),
  };
  return result;
}

/** A WebSocket server on 127.0.0.1 (ephemeral port), binary messages, obfuscated2 streams. */
export async function startWebSocketServer(options: ServerOptions): Promise<TestServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const result: TestServer = {
    port: (wss.address() as AddressInfo).port,
    connections: [],
    errors: [],
    handshakes: [],
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
  wss.on('connection', (ws: WebSocket, req) => {
    result.handshakes.push({ path: req.url, protocol: ws.protocol });
    const conn = attach(
      options,
      result,
      (b) => ws.send(b),
      () => ws.terminate(),
    );
    ws.on('message', (data: Buffer) => conn.data(new Uint8Array(data)));
    ws.on('close', () => conn.close());
  });
  return result;
}

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const net = createServer();
  await new Promise<void>((resolve) => net.listen(0, '127.0.0.1', resolve));
  const { port } = net.address() as AddressInfo;
  await new Promise<void>((resolve) => net.close(() => resolve()));
  return port;
}
