/**
 * The test server's HTTP transport endpoint: `POST /api` with one MTProto
 * packet as the body, answered with one packet in the response body
 * (https://core.telegram.org/mtproto/transports#http). Platform adapter
 * (node:http), like node-listeners.ts.
 *
 * HTTP has no connection to carry a session, so requests are routed to a
 * *virtual* connection — the same `Connection` the TCP and WebSocket
 * listeners use, fed intermediate framing — chosen by what the packet
 * names: its auth_key_id for encrypted packets (answers and updates for a
 * key go out on whichever request of that key waits), the `nonce` of an
 * unencrypted key-exchange step (the three steps of one exchange share it).
 *
 * Long polling: a request that finds nothing to answer is held until a
 * packet for it is ready or its wait passes (then an empty 200 answer): the
 * `max_wait` of the `http_wait` it carried
 * (https://core.telegram.org/mtproto/service_messages#http-wait-long-poll),
 * at most `maxWaitMs`, which is also the wait of a request without one; the
 * oldest held request takes the next packet. `max_delay` and `wait_after`
 * are met trivially: a packet goes out as soon as it is ready.
 * A transport error (e.g. -404, unknown key) is answered with HTTP status
 * 404 (or the code's absolute value).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClientStream } from '../../transport/index.js';
import type { ConnectionSocket } from './connection.js';
import type { Listener, SocketSink } from './node-listeners.js';

/** The path of Telegram's HTTP endpoint. */
const HTTP_API_PATH = '/api';

/** Options of {@link listenHttp}. */
export interface HttpListenerOptions {
  /** How long a request with nothing to answer is held at most, ms (default 25 000; the client's `max_wait` can only shorten it). */
  maxWaitMs?: number;
  /** Largest request body, bytes (default 1 MiB + 1 KiB: the largest upload part and its envelope). */
  maxBodyBytes?: number;
}

/** One held request. */
interface Waiter {
  readonly res: ServerResponse;
  timer: ReturnType<typeof setTimeout>;
}

/** A route's connection: bytes in as intermediate frames, packets out into a queue. */
interface Virtual {
  readonly sink: SocketSink;
  readonly outbox: { status: number; body: Uint8Array }[];
  readonly waiters: Waiter[];
  /** The request whose packet is being handled (its `http_wait` applies to it). */
  current: Waiter | undefined;
  closed: boolean;
}

const INTERMEDIATE_TAG = new Uint8Array([0xee, 0xee, 0xee, 0xee]);

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * Which virtual connection a packet belongs to: `k:<auth_key_id>`, or for an
 * unencrypted message `n:<nonce>` (auth_key_id 0, msg_id, length, then the
 * constructor and the 16-byte nonce every key-exchange step starts with).
 */
function routeOf(body: Uint8Array): string | undefined {
  if (body.length < 8) return undefined;
  const keyId = body.subarray(0, 8);
  if (keyId.some((b) => b !== 0)) return `k:${hex(keyId)}`;
  if (body.length < 40) return undefined;
  return `n:${hex(body.subarray(24, 40))}`;
}

/**
 * Listens for `POST /api` on `host:port` and hands each route's virtual
 * connection to `accept`.
 */
export async function listenHttp(
  host: string,
  port: number,
  accept: (socket: ConnectionSocket) => SocketSink,
  options: HttpListenerOptions = {},
): Promise<Listener> {
  const maxWaitMs = options.maxWaitMs ?? 25_000;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024 + 1024;
  const routes = new Map<string, Virtual>();

  const answer = (res: ServerResponse, status: number, body: Uint8Array) => {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': body.length, connection: 'keep-alive' });
    res.end(body);
  };
  const drop = (route: string, v: Virtual) => {
    if (v.closed) return;
    v.closed = true;
    if (routes.get(route) === v) routes.delete(route);
    for (const w of v.waiters.splice(0)) {
      clearTimeout(w.timer);
      answer(w.res, 200, new Uint8Array(0));
    }
    v.sink.closed();
  };
  const deliver = (v: Virtual) => {
    while (v.outbox.length > 0 && v.waiters.length > 0) {
      const w = v.waiters.shift()!;
      clearTimeout(w.timer);
      const out = v.outbox.shift()!;
      answer(w.res, out.status, out.body);
    }
  };
  /** (Re)arms `w`'s timer: an empty answer after `ms` unless a packet comes first. */
  const hold = (v: Virtual, w: Waiter, ms: number) => {
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      const i = v.waiters.indexOf(w);
      if (i >= 0) v.waiters.splice(i, 1);
      answer(w.res, 200, new Uint8Array(0));
    }, ms);
    w.timer.unref?.();
  };
  const open = (route: string): Virtual => {
    const decoder = createClientStream({ codec: 'intermediate' });
    const v: Virtual = { sink: undefined as unknown as SocketSink, outbox: [], waiters: [], current: undefined, closed: false };
    const socket: ConnectionSocket = {
      write: (bytes) => {
        if (v.closed) return;
        for (const frame of decoder.feed(bytes)) {
          if (frame.type === 'packet') v.outbox.push({ status: 200, body: frame.payload });
          else if (frame.type === 'error') v.outbox.push({ status: Math.abs(frame.error.code ?? 404) || 404, body: new Uint8Array(0) });
        }
        deliver(v);
      },
      // The Connection closes (idle limit, a failed check, a transport error): what is queued still goes out.
      end: () => queueMicrotask(() => drop(route, v)),
      destroy: () => drop(route, v),
      holdFor: (ms) => {
        const w = v.current;
        if (w) hold(v, w, Math.min(Math.max(0, ms), maxWaitMs));
      },
    };
    (v as { sink: SocketSink }).sink = accept(socket);
    routes.set(route, v);
    v.sink.receive(INTERMEDIATE_TAG);
    return v;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== HTTP_API_PATH) {
      res.writeHead(req.method === 'POST' ? 404 : 405).end();
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        res.writeHead(413, { connection: 'close' }).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const body = new Uint8Array(Buffer.concat(chunks));
      const route = routeOf(body);
      if (route === undefined) {
        res.writeHead(400).end();
        return;
      }
      const v = routes.get(route) ?? open(route);
      const waiter: Waiter = { res, timer: undefined as unknown as ReturnType<typeof setTimeout> };
      hold(v, waiter, maxWaitMs);
      v.waiters.push(waiter);
      res.on('close', () => {
        clearTimeout(waiter.timer);
        const i = v.waiters.indexOf(waiter);
        if (i >= 0) v.waiters.splice(i, 1);
      });
      // Length-prefixed like the intermediate framing the virtual connection was opened with.
      const frame = new Uint8Array(4 + body.length);
      new DataView(frame.buffer).setUint32(0, body.length, true);
      frame.set(body, 4);
      // The packet is handled synchronously: an http_wait in it reaches holdFor while this request is current.
      v.current = waiter;
      try {
        v.sink.receive(frame);
      } finally {
        v.current = undefined;
      }
      deliver(v);
    });
  });
  server.keepAliveTimeout = maxWaitMs + 5000;
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
        for (const [route, v] of [...routes]) drop(route, v);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
