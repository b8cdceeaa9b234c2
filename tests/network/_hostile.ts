/**
 * Test support: tiny loopback TCP servers that misbehave on purpose, speaking
 * just enough of the intermediate transport (tag 0xeeeeeeee, then
 * `length ‖ payload` frames, https://core.telegram.org/mtproto/mtproto-transports#intermediate)
 * to reach the layer under test. Each counts its connections.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';

/** What the server does with each connection. */
export type Behaviour =
  /** Closes as soon as the connection is accepted. */
  | 'close'
  /** Answers the first bytes with 64 random bytes (not a frame anyone can use), then closes. */
  | 'garbage'
  /** Answers every client frame with a well-formed frame holding 64 random bytes. */
  | 'random-frame'
  /** Accepts and never answers. */
  | 'silent'
  /** Announces a 1000-byte frame and drips it one byte every 20 ms. */
  | 'drip'
  /** Answers the first client frame of the first connection with transport error -404; later connections stay silent. */
  | '404-once'
  /** Answers the first client frame of every connection with transport error -404 and closes. */
  | '404-always';

/** A running hostile server. */
export interface HostileServer {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Times a -404 was sent. */
  readonly errorsSent: number;
  stop(): Promise<void>;
}

/** The 8 bytes of an intermediate frame carrying transport error `code`. */
function errorFrame(code: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, 4, true);
  view.setInt32(4, code, true);
  return out;
}

function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length, true);
  out.set(payload, 4);
  return out;
}

/** Starts a server on 127.0.0.1 with `behaviour`. */
export async function startHostileServer(behaviour: Behaviour): Promise<HostileServer> {
  let connections = 0;
  let errorsSent = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const server: Server = createServer((socket) => {
    connections++;
    const index = connections;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (behaviour === 'close') {
      socket.destroy();
      return;
    }
    if (behaviour === 'drip') {
      const header = new Uint8Array(4);
      new DataView(header.buffer).setUint32(0, 1000, true);
      let sent = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || sent >= 1004) {
          clearInterval(timer);
          timers.delete(timer);
          return;
        }
        socket.write(sent < 4 ? header.subarray(sent, sent + 1) : randomBytes(1));
        sent++;
      }, 20);
      timers.add(timer);
      return;
    }
    let received = 0;
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // Wait for the 4-byte tag and a frame header before answering.
      if (received < 8) return;
      switch (behaviour) {
        case 'garbage':
          if (!answered) socket.end(randomBytes(64));
          answered = true;
          break;
        case 'random-frame':
          socket.write(frame(randomBytes(64)));
          break;
        case '404-once':
          if (index === 1 && !answered) {
            errorsSent++;
            socket.end(errorFrame(-404));
          }
          answered = true;
          break;
        case '404-always':
          if (!answered) {
            errorsSent++;
            socket.end(errorFrame(-404));
          }
          answered = true;
          break;
        default:
          break;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    get connections() {
      return connections;
    },
    get errorsSent() {
      return errorsSent;
    },
    stop: async () => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Collects unhandled rejections and uncaught exceptions while `run` runs (and a little after). */
export async function noUnhandled<T>(run: () => Promise<T>): Promise<{ value: T; unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown) => unhandled.push(reason);
  const onException = (error: unknown) => unhandled.push(error);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  try {
    const value = await run();
    await new Promise((r) => setTimeout(r, 20));
    return { value, unhandled };
  } finally {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }
}
