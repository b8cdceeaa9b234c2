/**
 * The HTTP transport (https://core.telegram.org/mtproto/transports#http):
 * each MTProto packet is the body of a `POST /api`, and the server answers
 * with one packet in the response body — for platforms with neither TCP nor
 * WebSocket. It is a `SocketFactory`, so `Transport`, `Connection` and
 * `TelegramClient` use it unchanged: the socket reads the frames the
 * transport writes (any plain framing, detected like a server does), posts
 * each packet, and hands every non-empty answer back as a frame of the same
 * framing. Requests run concurrently; a `404` answer becomes transport
 * error -404 (the server does not know the auth key), as on TCP.
 *
 * Server-to-client traffic (answers that come later, updates) needs a
 * request to ride on: the server holds a request that has nothing to
 * answer (long polling, `max_wait` of `http_wait`). The factory says
 * `longPoll`, so the session puts an `http_wait` in every packet, and when
 * no request is open the socket asks for a poll (`onPoll`): one held
 * request at a time while idle, never a busy loop.
 *
 * Plain `http://` by default, as Telegram's `http://<dc ip>:80/api`; the
 * body is an encrypted MTProto packet either way (`https` works through
 * `scheme`).
 */
import { TransportError } from '../errors.js';
import { createServerStream, type ServerStream } from './server-stream.js';
import type { Socket, SocketFactory, SocketHandlers } from './socket.js';

/** The part of `fetch` the HTTP transport uses (injectable for tests and runtimes without a global one). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; body: Uint8Array; headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ readonly status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Options of {@link createHttpSocketFactory}. */
export interface HttpTransportOptions {
  /** `fetch` (default `globalThis.fetch`). */
  fetch?: FetchLike;
  /** `http` (default, as Telegram's endpoints) or `https`. */
  scheme?: 'http' | 'https';
  /** The endpoint path (default `/api`). */
  path?: string;
  /** Requests in flight at once; more packets wait (default 8). */
  maxInFlight?: number;
  /**
   * A poll answered empty sooner than this (ms) is followed by the next one
   * only when this much time has passed since it started — so a server that
   * ignores `max_wait` cannot make the client poll in a busy loop (default 250).
   */
  minPollIntervalMs?: number;
}

/**
 * A `SocketFactory` speaking MTProto's HTTP transport to `host:port`.
 *
 * @example
 * ```ts
 * const client = new TelegramClient({ apiId, apiHash, sockets: createHttpSocketFactory() });
 * ```
 */
export function createHttpSocketFactory(options: HttpTransportOptions = {}): SocketFactory {
  const fetchFn = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (!fetchFn) throw new TransportError('the HTTP transport needs fetch (none in this runtime: pass options.fetch)');
  const scheme = options.scheme ?? 'http';
  const path = options.path ?? '/api';
  const maxInFlight = Math.max(1, options.maxInFlight ?? 8);
  const minPollInterval = Math.max(0, options.minPollIntervalMs ?? 250);
  return {
    requiresObfuscation: false,
    longPoll: true,
    async connect(host, port, handlers, signal) {
      if (signal?.aborted) throw new TransportError(`HTTP ${host}:${port} aborted`);
      const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;
      return new HttpSocket(fetchFn, url, handlers, maxInFlight, minPollInterval);
    },
  };
}

/** One "connection": the frames the transport writes become POSTs, the answers frames again. */
class HttpSocket implements Socket {
  /** Reads the transport's frames (any plain framing) and frames the answers the same way. */
  private readonly stream: ServerStream = createServerStream({ obfuscatedOnly: false });
  private readonly abort = new AbortController();
  private readonly queue: Uint8Array[] = [];
  private inFlight = 0;
  private closed = false;
  private closing = false;
  /** The poll request held back by `minPollInterval`. */
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly fetchFn: FetchLike,
    private readonly url: string,
    private readonly handlers: SocketHandlers,
    private readonly maxInFlight: number,
    private readonly minPollInterval: number,
  ) {}

  write(data: Uint8Array): void {
    if (this.closed || this.closing) return;
    let frames;
    try {
      frames = this.stream.feed(data);
    } catch (e) {
      this.fail(e instanceof TransportError ? e : new TransportError(String(e)));
      return;
    }
    for (const f of frames) if (f.type === 'packet') this.queue.push(f.payload);
    this.pump();
  }

  close(): void {
    if (this.closed || this.closing) return;
    this.closing = true;
    // Requests already sent are left to finish (their answers are dropped); held polls are cancelled.
    if (this.queue.length === 0) this.finish();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const body = this.queue.shift()!;
      this.inFlight++;
      const started = Date.now();
      void this.post(body).then((empty) => {
        this.inFlight--;
        if (this.closing && this.queue.length === 0) this.finish();
        else this.pump();
        // Nothing open: the server has no request to answer on until the owner sends a poll.
        if (this.closed || this.closing || this.inFlight > 0 || this.queue.length > 0 || this.pollTimer) return;
        const wait = empty ? this.minPollInterval - (Date.now() - started) : 0;
        if (wait <= 0) {
          this.handlers.onPoll?.();
          return;
        }
        this.pollTimer = setTimeout(() => {
          this.pollTimer = undefined;
          if (!this.closed && !this.closing && this.inFlight === 0 && this.queue.length === 0) this.handlers.onPoll?.();
        }, wait);
      });
    }
  }

  /** Posts one packet and hands the answer on; resolves true when the answer was empty (a poll that timed out). */
  private async post(body: Uint8Array): Promise<boolean> {
    let status: number;
    let answer: Uint8Array;
    try {
      const res = await this.fetchFn(this.url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/octet-stream' },
        signal: this.abort.signal,
      });
      status = res.status;
      answer = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      if (!this.closed && !this.closing) this.fail(new TransportError(`HTTP ${this.url}: ${(e as Error)?.message ?? String(e)}`));
      return false;
    }
    if (this.closed || this.closing) return false;
    if (status === 200) {
      if (answer.length > 0) this.handlers.onData(this.stream.encode(answer));
      return answer.length === 0;
    }
    if (status === 404) {
      // The spec's transport errors arrive as HTTP codes; -404: the auth key is unknown.
      this.handlers.onData(this.stream.encodeError(-404));
      return false;
    }
    this.fail(new TransportError(`HTTP ${this.url} answered ${status}`, -status));
    return false;
  }

  private fail(error: TransportError): void {
    if (this.closed) return;
    this.handlers.onError(error);
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pollTimer !== undefined) clearTimeout(this.pollTimer);
    this.abort.abort();
    this.stream.dispose();
    this.handlers.onClose();
  }
}
