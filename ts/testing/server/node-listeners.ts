/**
 * The test server's sockets on Node: a node:net TCP listener and a `ws`
 * WebSocket listener (paths `/apiws` and `/apiws_test`, subprotocol `binary`, as Telegram's
 * WebSocket endpoints, https://core.telegram.org/mtproto/transports#websocket).
 * Platform adapter: the only server file that imports node:net or ws. Each
 * accepted socket is handed to `accept` as a `ConnectionSocket`; the bytes
 * go to the returned sink.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConnectionSocket } from './connection.js';

/** Where an accepted socket's events go. */
export interface SocketSink {
  receive(chunk: Uint8Array): void;
  closed(): void;
}

/** A bound listener. */
export interface Listener {
  /** The port it got (the OS picks one for port 0). */
  readonly port: number;
  /** Stops accepting and destroys every open socket. */
  close(): Promise<void>;
}

/** The WebSocket path Telegram's endpoints use. */
export const WEBSOCKET_PATH = '/apiws';
/** The path of Telegram's test DCs (GramJS in test mode and web clients open it); served alike. */
export const WEBSOCKET_TEST_PATH = '/apiws_test';
const WEBSOCKET_PATHS: ReadonlySet<string> = new Set([WEBSOCKET_PATH, WEBSOCKET_TEST_PATH]);
/** The WebSocket subprotocol Telegram's endpoints use. */
export const WEBSOCKET_PROTOCOL = 'binary';

/** Listens for TCP on `host:port`. */
export async function listenTcp(host: string, port: number, accept: (socket: ConnectionSocket) => SocketSink): Promise<Listener> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.setNoDelay(true);
    const sink = accept({
      write: (bytes) => {
        if (!sock.destroyed && sock.writable) sock.write(bytes);
      },
      end: () => {
        if (!sock.destroyed) sock.end(() => sock.destroy());
      },
      destroy: () => sock.destroy(),
    });
    sock.on('data', (b: Buffer) => sink.receive(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
    sock.on('error', () => {}); // 'close' follows
    sock.on('close', () => {
      sockets.delete(sock);
      sink.closed();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Listens for WebSocket connections on `host:port` at `/apiws` and `/apiws_test`. The
 * `binary` subprotocol is selected when offered; clients that offer none
 * are accepted too. Messages may cut the byte stream anywhere; text
 * messages close the socket (1003).
 */
export async function listenWebSocket(host: string, port: number, accept: (socket: ConnectionSocket) => SocketSink): Promise<Listener> {
  const wss = new WebSocketServer({
    host,
    port,
    // Both paths; anything else is refused (400) before the upgrade.
    verifyClient: ({ req }: { req: { url?: string } }) => WEBSOCKET_PATHS.has((req.url ?? '').split('?')[0]!),
    handleProtocols: (protocols) => (protocols.has(WEBSOCKET_PROTOCOL) ? WEBSOCKET_PROTOCOL : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      wss.off('error', reject);
      resolve();
    });
  });
  wss.on('error', () => {});
  wss.on('connection', (ws: WebSocket) => {
    const sink = accept({
      write: (bytes) => {
        if (ws.readyState === ws.OPEN) ws.send(bytes);
      },
      end: () => ws.close(1000),
      destroy: () => ws.terminate(),
    });
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) {
        ws.close(1003);
        return;
      }
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      sink.receive(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    ws.on('error', () => {}); // 'close' follows
    ws.on('close', () => sink.closed());
  });
  return {
    port: (wss.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
