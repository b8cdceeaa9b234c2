/**
 * A client MtprotoSession wired to an in-memory ServerSession with a manual
 * clock, for the session tests: `toServer()` flushes the client and opens
 * what the server would receive, `deliver()` seals server messages and feeds
 * them to the client.
 */
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { decode, decodeRequest, encode } from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import { MtprotoSession, type SessionEvent, type SessionOptions } from '../../ts/mtproto/index.js';
import { openClientPacket, ServerSession, type OpenedClientPacket, type ServerOutgoing } from '../../ts/mtproto/server-side.js';
import { manualClock, seededRandom } from './_support.js';

export const T0 = 1_700_000_000_000;
export const SALT = 0x1111222233334444n;

/** A fixed 256-byte auth key. */
export function testAuthKey(seed = 'auth-key'): Uint8Array {
  const key = new Uint8Array(256);
  seededRandom(seed)(key);
  return key;
}

export interface Harness {
  client: MtprotoSession;
  server: ServerSession;
  clock: ReturnType<typeof manualClock>;
  /** Flushes the client; each packet opened as the server sees it. */
  toServer(): OpenedClientPacket[];
  /** The bodies' TL names of every message the client flushes now (containers split). */
  flushNames(): string[];
  /** Seals server messages into one packet and feeds it to the client. */
  deliver(messages: ServerOutgoing[]): SessionEvent[];
  /** One content-related server message built from a TL object (an update, by default not a response). */
  push(obj: AnyTlObject, response?: boolean): SessionEvent[];
}

export function makeHarness(crypto: CryptoProvider, options: Partial<SessionOptions> = {}): Harness {
  const authKey = testAuthKey();
  const clock = manualClock(T0);
  const client = new MtprotoSession({
    crypto,
    authKey,
    serverSalt: SALT,
    sessionId: 0x0102030405060708n,
    ping: false,
    random: seededRandom('session'),
    ...options,
  });
  const server = new ServerSession({ crypto, authKey, sessionId: client.sessionId, salt: SALT });
  const h: Harness = {
    client,
    server,
    clock,
    toServer: () => client.flush(clock.now()).map((p) => openClientPacket(server.key, p)),
    flushNames: () => h.toServer().flatMap((p) => p.messages.map((m) => nameOf(m.body))),
    deliver: (messages) => client.receive(server.seal(messages, clock.now()).packet, clock.now()),
    push: (obj, response = false) => h.deliver([{ body: encode(obj), contentRelated: true, response }]),
  };
  return h;
}

/** TL name of a body (object or request). */
export function nameOf(body: Uint8Array): string {
  try {
    return decode(body)._;
  } catch {
    return decodeRequest(body)._;
  }
}

/** Decodes a client body as a request or object. */
export function bodyOf(body: Uint8Array): Record<string, unknown> & { _: string } {
  try {
    return decodeRequest(body) as unknown as Record<string, unknown> & { _: string };
  } catch {
    return decode(body) as unknown as Record<string, unknown> & { _: string };
  }
}

/** Event types, for compact assertions. */
export const types = (events: SessionEvent[]) => events.map((e) => e.type);

/** The check names of the security_error events. */
export const checks = (events: SessionEvent[]) => events.flatMap((e) => (e.type === 'security_error' ? [e.error.check] : []));
