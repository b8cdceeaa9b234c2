/**
 * The attacks of issue 10, each run against the test server for a while by
 * the benchmark process while the good client keeps calling. Every attack
 * cleans up its connections when its time is up and returns a one-line note
 * on what it saw.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { MsgIdGenerator } from '../../ts/mtproto/index.js';
import { sealEnvelope } from '../../ts/mtproto/session/index.js';
import type { AuthKeyResult } from '../../ts/mtproto/index.js';
import { encode } from '../../ts/tl/codec/index.js';
import { exchangeKey, RawConn, type Target } from './raw-conn.js';

export interface AttackContext {
  target: Target;
  crypto: CryptoProvider;
  /** The attack stops when this passes (epoch ms). */
  until: number;
}

export interface Attack {
  name: string;
  description: string;
  /** How long the attack runs, ms. */
  durationMs: number;
  run(ctx: AttackContext): Promise<string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An encrypted session of the attacker's own: key, session id, msg_ids, seq_nos. */
class AttackerSession {
  private readonly ids: MsgIdGenerator;
  private seq = 0;
  readonly sessionId = 0x0bad_5e55_1011n;
  private readonly handle;

  constructor(
    readonly key: AuthKeyResult,
    crypto: CryptoProvider,
  ) {
    this.ids = new MsgIdGenerator(key.timeOffset);
    this.handle = crypto.loadAuthKey(key.authKey);
  }

  /** One sealed content-related message carrying `body`. */
  seal(body: Uint8Array): Uint8Array {
    const header = { salt: this.key.serverSalt, sessionId: this.sessionId, msgId: this.ids.next(Date.now()), seqNo: this.seq++ * 2 + 1 };
    return sealEnvelope(this.handle, header, body, 0);
  }
}

async function keyed(ctx: AttackContext): Promise<{ conn: RawConn; session: AttackerSession } | undefined> {
  const conn = await RawConn.open(ctx.target);
  const key = await exchangeKey(conn, ctx.target, ctx.crypto);
  if (!key) {
    conn.close();
    return undefined;
  }
  return { conn, session: new AttackerSession(key, ctx.crypto) };
}

/** A `gzip_packed` `users.getUsers` of `count` × `inputUserSelf`: ≈ 32 KB on the wire, ≈ 32 MiB inflated. */
function gzipBomb(count: number): Uint8Array {
  const raw = Buffer.alloc(12 + 4 * count);
  raw.writeUInt32LE(0x0d91a548, 0); // users.getUsers
  raw.writeUInt32LE(0x1cb5c415, 4); // vector
  raw.writeUInt32LE(count, 8);
  for (let i = 0; i < count; i++) raw.writeUInt32LE(0xf7c1b13f, 12 + 4 * i); // inputUserSelf
  return encode({ _: 'gzip_packed', packed_data: new Uint8Array(gzipSync(raw, { level: 9 })) } as never);
}

/** Keeps `n` connections doing `each` until the deadline, reopening closed ones. */
async function swarm(
  ctx: AttackContext,
  n: number,
  each: (conn: RawConn) => Promise<void>,
): Promise<{ opened: number; closedByServer: number }> {
  let opened = 0;
  let closedByServer = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (Date.now() < ctx.until) {
        let conn: RawConn;
        try {
          conn = await RawConn.open(ctx.target);
        } catch {
          await sleep(50);
          continue;
        }
        opened++;
        await each(conn);
        if (conn.closed) closedByServer++;
        conn.close();
      }
    }),
  );
  return { opened, closedByServer };
}

export const ATTACKS: readonly Attack[] = [
  {
    name: 'gzip bomb',
    description: 'after a key exchange, one gzip_packed users.getUsers of 8 388 600 × inputUserSelf (≈ 32 KB → 32 MiB) per second',
    durationMs: 5000,
    async run(ctx) {
      const bomb = gzipBomb(8_388_600);
      let sent = 0;
      let answers = 0;
      let closed = 0;
      while (Date.now() < ctx.until) {
        const s = await keyed(ctx);
        if (!s) break;
        while (Date.now() < ctx.until && !s.conn.closed) {
          s.conn.send(s.session.seal(bomb));
          sent++;
          const answer = await s.conn.next(Math.max(1, Math.min(1000, ctx.until - Date.now())));
          if (answer) answers++;
        }
        if (s.conn.closed) closed++;
        s.conn.close();
      }
      return `${sent} bombs of ${bomb.length} B sent; ${answers} answered, ${closed} connections closed by the server`;
    },
  },
  {
    name: 'garbage',
    description: '20 connections writing random bytes (4 KiB every 10 ms), reconnecting when closed',
    durationMs: 5000,
    async run(ctx) {
      const r = await swarm(ctx, 20, async (conn) => {
        while (!conn.closed && Date.now() < ctx.until) {
          conn.write(randomBytes(4096));
          await sleep(10);
        }
      });
      return `${r.opened} connections opened, ${r.closedByServer} closed by the server`;
    },
  },
  {
    name: 'slow drip',
    description: '50 connections announce a 16 MiB frame and drip 1 byte every 20 ms',
    durationMs: 5000,
    async run(ctx) {
      const r = await swarm(ctx, 50, async (conn) => {
        conn.write(Uint8Array.of(0xee, 0xee, 0xee, 0xee, 0x00, 0x00, 0x00, 0x01));
        while (!conn.closed && Date.now() < ctx.until) {
          conn.write(Uint8Array.of(0));
          await sleep(20);
        }
      });
      return `${r.opened} connections opened, ${r.closedByServer} closed by the server`;
    },
  },
  {
    name: '500 idle connections',
    description: '500 TCP connections that send nothing, held for 12 s (the first-frame deadline is 10 s)',
    durationMs: 12_000,
    async run(ctx) {
      const conns = (await Promise.all(Array.from({ length: 500 }, () => RawConn.open(ctx.target).catch(() => undefined)))).filter(
        (c): c is RawConn => c !== undefined,
      );
      await sleep(Math.max(0, ctx.until - Date.now()));
      const open = conns.filter((c) => !c.closed).length;
      for (const c of conns) c.close();
      return `${conns.length} opened, ${open} still open after 12 s`;
    },
  },
  {
    name: '32 partial 16 MiB frames',
    description: '32 unauthenticated connections each announce a 16 MiB frame and send as much of it as they can, reconnecting when closed',
    durationMs: 5000,
    async run(ctx) {
      const chunk = new Uint8Array(64 * 1024);
      let sent = 0;
      const r = await swarm(ctx, 32, async (conn) => {
        conn.write(Uint8Array.of(0xee, 0xee, 0xee, 0xee, 0x00, 0x00, 0x00, 0x01));
        for (let i = 0; i < 256 && !conn.closed && Date.now() < ctx.until; i++) {
          const more = conn.sock.write(chunk);
          sent += chunk.length;
          if (!more) await new Promise<void>((done) => (conn.closed ? done() : conn.sock.once('drain', done).once('close', done)));
        }
        while (!conn.closed && Date.now() < ctx.until) await sleep(50);
      });
      return `${(sent / 2 ** 20).toFixed(0)} MiB written on ${r.opened} connections, ${r.closedByServer} closed by the server`;
    },
  },
  {
    name: '100 concurrent key exchanges',
    description: '100 connections start a key exchange at once',
    durationMs: 15_000,
    async run(ctx) {
      const start = performance.now();
      const times: number[] = [];
      const results = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const conn = await RawConn.open(ctx.target).catch(() => undefined);
          if (!conn) return false;
          const key = await exchangeKey(conn, ctx.target, ctx.crypto).catch(() => undefined);
          times.push(performance.now() - start);
          conn.close();
          return key !== undefined;
        }),
      );
      const ok = results.filter(Boolean).length;
      return `${ok}/100 keys made; all done after ${(Math.max(...times) / 1000).toFixed(1)} s`;
    },
  },
  {
    name: 'replayed packets',
    description: 'one captured help.getConfig packet replayed 10× on each of 20 new connections',
    durationMs: 5000,
    async run(ctx) {
      const s = await keyed(ctx);
      if (!s) return 'key exchange failed';
      const packet = s.session.seal(encode({ _: 'help.getConfig' }));
      s.conn.send(packet);
      await s.conn.next(5000);
      let answers = 0;
      let closed = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const conn = await RawConn.open(ctx.target);
          for (let i = 0; i < 10 && !conn.closed; i++) conn.send(packet);
          while (!conn.closed && Date.now() < ctx.until - 500) {
            if (await conn.next(200)) answers++;
          }
          if (conn.closed) closed++;
          conn.close();
        }),
      );
      s.conn.close();
      return `200 replays: ${answers} packets came back, ${closed}/20 connections closed by the server`;
    },
  },
];
