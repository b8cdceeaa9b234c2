/**
 * The attacker's connection: a plain TCP socket with wasmgram's sans-IO
 * client stream on top (intermediate framing), and the plain key exchange,
 * so attacks can send exactly the bytes they want.
 */
import { connect, type Socket } from 'node:net';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import type { RsaPublicKey } from '../../ts/crypto/rsa.js';
import { type AuthKeyResult, ClientHandshake } from '../../ts/mtproto/index.js';
import { type ClientStream, createClientStream } from '../../ts/transport/index.js';

export interface Target {
  host: string;
  port: number;
  rsaPublicKey: RsaPublicKey;
}

/** One TCP connection to the server, packets in a queue. */
export class RawConn {
  readonly packets: Uint8Array[] = [];
  closed = false;
  private wake: (() => void) | undefined;
  private readonly stream: ClientStream = createClientStream({ codec: 'intermediate' });

  private constructor(readonly sock: Socket) {
    sock.on('data', (b: Buffer) => {
      try {
        for (const f of this.stream.feed(new Uint8Array(b))) if (f.type === 'packet') this.packets.push(f.payload);
      } catch {
        sock.destroy();
      }
      this.wake?.();
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  static open(target: { host: string; port: number }): Promise<RawConn> {
    return new Promise((resolve, reject) => {
      const sock = connect(target.port, target.host);
      sock.once('connect', () => {
        sock.setNoDelay(true);
        resolve(new RawConn(sock));
      });
      sock.once('error', reject);
    });
  }

  /** Frames and writes one packet. */
  send(packet: Uint8Array): void {
    if (!this.closed) this.sock.write(this.stream.encode(packet));
  }

  /** Writes raw bytes (no framing). */
  write(bytes: Uint8Array): void {
    if (!this.closed) this.sock.write(bytes);
  }

  async next(ms = 10_000): Promise<Uint8Array | undefined> {
    const end = Date.now() + ms;
    while (this.packets.length === 0) {
      if (this.closed || Date.now() > end) return undefined;
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, 50);
      });
    }
    return this.packets.shift();
  }

  close(): void {
    this.sock.destroy();
  }
}

/** Runs the key exchange on `conn`; undefined when the server closed or did not answer. */
export async function exchangeKey(conn: RawConn, target: Target, crypto: CryptoProvider): Promise<AuthKeyResult | undefined> {
  const hs = new ClientHandshake({ crypto, dcId: 2, rsaKeys: [target.rsaPublicKey] });
  conn.send(hs.start());
  for (;;) {
    const answer = await conn.next(20_000);
    if (!answer) return undefined;
    const out = hs.receive(answer);
    if (out.done) return out.done;
    conn.send(out.request);
  }
}
