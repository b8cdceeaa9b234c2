/**
 * Racing connection candidates (the primitive behind `transport: 'auto'`):
 * start each candidate (optionally staggered, as Happy Eyeballs does,
 * RFC 8305), keep the first that completes, abort the ones still trying and
 * close any that complete late. A failed candidate starts the waiting ones
 * at once. https://www.rfc-editor.org/rfc/rfc8305
 */
import { TimeoutError, TransportError } from '../../errors.js';
import type { Socket, SocketFactory, SocketHandlers } from '../socket.js';

/** One way to connect. */
export interface RaceCandidate<T> {
  /** Name used in the result and in errors (e.g. `tcp-intermediate`, `websocket`). */
  label: string;
  /** Start this many ms after the race begins, unless an earlier candidate fails first (default 0). */
  delayMs?: number;
  /** Opens the candidate. Must give up and release what it holds when `signal` aborts. */
  open(signal: AbortSignal): Promise<T>;
  /** Releases a value that completed after another candidate had won. */
  dispose?(value: T): void;
}

/** The winner of a race. */
export interface RaceWinner<T> {
  value: T;
  label: string;
  /** Its index in the candidate list. */
  index: number;
}

/** Options of `raceFirst` and `raceSockets`. */
export interface RaceOptions {
  /** Aborts the whole race. */
  signal?: AbortSignal | undefined;
  /** Limit for the whole race, ms (default none). */
  timeoutMs?: number | undefined;
}

/** Every candidate failed; `failures` holds each one's error, by label. */
export class RaceError extends TransportError {
  override name = 'RaceError';
  static override readonly kind: string = 'RaceError';
  constructor(readonly failures: readonly { label: string; error: unknown }[]) {
    super(
      `every candidate failed: ${failures.map((f) => `${f.label}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('; ')}`,
    );
  }
}

/**
 * Runs the candidates and resolves with the first that completes. Rejects
 * with `RaceError` when all fail, `TimeoutError` after `timeoutMs`, or
 * `TransportError` when `signal` aborts; losers are always aborted/disposed.
 *
 * @example
 * ```ts
 * const { value: transport, label } = await raceFirst([
 *   { label: 'tcp', open: (signal) => openTransport(tcp, signal), dispose: (t) => t.close() },
 *   { label: 'websocket', delayMs: 250, open: (signal) => openTransport(ws, signal), dispose: (t) => t.close() },
 * ], { timeoutMs: 10_000 });
 * ```
 */
export function raceFirst<T>(candidates: readonly RaceCandidate<T>[], options: RaceOptions = {}): Promise<RaceWinner<T>> {
  if (candidates.length === 0) return Promise.reject(new RaceError([]));
  return new Promise<RaceWinner<T>>((resolve, reject) => {
    const controllers = candidates.map(() => new AbortController());
    const timers: ReturnType<typeof setTimeout>[] = [];
    const started = new Set<number>();
    const failures: { label: string; error: unknown; index: number }[] = [];
    let settled = false;

    const finish = () => {
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (deadline !== undefined) clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const abortAll = (except?: number) => {
      controllers.forEach((c, i) => {
        if (i !== except) c.abort();
      });
    };
    const lose = (error: Error) => {
      if (settled) return;
      finish();
      abortAll();
      reject(error);
    };
    const onAbort = () => lose(new TransportError('the connection race was aborted'));
    const deadline =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => lose(new TimeoutError(`no candidate connected within ${options.timeoutMs} ms`, options.timeoutMs!)),
            options.timeoutMs,
          );

    const start = (i: number) => {
      if (settled || started.has(i)) return;
      started.add(i);
      const c = candidates[i]!;
      let promise: Promise<T>;
      try {
        promise = c.open(controllers[i]!.signal);
      } catch (e) {
        promise = Promise.reject(e);
      }
      promise.then(
        (value) => {
          if (settled) {
            c.dispose?.(value);
            return;
          }
          finish();
          abortAll(i);
          resolve({ value, label: c.label, index: i });
        },
        (error: unknown) => {
          if (settled) return;
          failures.push({ label: c.label, error, index: i });
          if (failures.length === candidates.length) {
            failures.sort((a, b) => a.index - b.index);
            lose(new RaceError(failures.map(({ label, error }) => ({ label, error }))));
            return;
          }
          // Do not wait out the stagger of the others.
          for (let j = 0; j < candidates.length; j++) start(j);
        },
      );
    };

    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    candidates.forEach((c, i) => {
      const delay = c.delayMs ?? 0;
      if (delay <= 0) start(i);
      else timers.push(setTimeout(() => start(i), delay));
    });
  });
}

/** A socket candidate for `raceSockets`. */
export interface SocketCandidate {
  label: string;
  sockets: SocketFactory;
  host: string;
  port: number;
  delayMs?: number;
}

/** The socket that won, and which candidate it came from. */
export interface SocketRaceWinner {
  socket: Socket;
  label: string;
  index: number;
  /** The winning factory (to reconnect the same way later). */
  sockets: SocketFactory;
}

/**
 * Races `connect` over several socket factories/addresses; `handlers` get
 * the events of the winning socket only. Losers are aborted or closed.
 *
 * @example
 * ```ts
 * const { socket, label } = await raceSockets(
 *   [
 *     { label: 'tcp', sockets: createNodeTcpFactory(), host, port },
 *     { label: 'socks5', sockets: socks5Proxy(proxy), host, port, delayMs: 300 },
 *   ],
 *   handlers,
 *   { timeoutMs: 5000 },
 * );
 * ```
 */
export async function raceSockets(
  candidates: readonly SocketCandidate[],
  handlers: SocketHandlers,
  options: RaceOptions = {},
): Promise<SocketRaceWinner> {
  let winner = -1;
  const forward = (i: number): SocketHandlers => ({
    onData: (chunk) => {
      if (winner === i) handlers.onData(chunk);
    },
    onError: (error) => {
      if (winner === i) handlers.onError(error);
    },
    onClose: () => {
      if (winner === i) handlers.onClose();
    },
  });
  const won = await raceFirst<Socket>(
    candidates.map((c, i) => ({
      label: c.label,
      ...(c.delayMs !== undefined && { delayMs: c.delayMs }),
      open: (signal) => c.sockets.connect(c.host, c.port, forward(i), signal),
      dispose: (socket) => socket.close(),
    })),
    options,
  );
  winner = won.index;
  return { socket: won.value, label: won.label, index: won.index, sockets: candidates[won.index]!.sockets };
}
