/**
 * One client connection of the test MTProxy, sans-IO: client bytes in →
 * bytes for the client, bytes for the DC, and (once) which DC to open.
 *
 * - First bytes `16 03 01`: fake-TLS (`ee`): the hello is checked
 *   (fake-tls-server.ts), answered, and the rest of the stream is read from
 *   TLS records (the client's first preceded by ChangeCipherSpec).
 * - Otherwise (or inside the records): the 64-byte obfuscated2 init, keyed
 *   with the secret (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation).
 *   A tag that does not decode is a wrong secret.
 * - Then a relay: client bytes are decrypted and sent to the DC after the
 *   plain codec prefix (0xef / 0xeeeeeeee / 0xdddddddd); DC bytes are
 *   encrypted (and put in TLS records) for the client.
 *
 * A refused client gets nothing back: the session either closes or (like
 * MTProxy's "skip mode") swallows whatever else comes.
 */
import type { CryptoProvider, RandomSource } from '../../crypto/provider.js';
import { TransportError } from '../../errors.js';
import type { CodecKind } from '../../transport/frame.js';
import type { StreamLayer } from '../../transport/proxy/handshake.js';
import type { MtproxyMode } from '../../transport/proxy/mtproxy-secret.js';
import { createTlsRecordLayer } from '../../transport/proxy/tls-records.js';
import { acceptObfuscatedInit, OBFUSCATED_INIT_LENGTH, type ObfuscationCipher } from '../../transport/obfuscated2.js';
import {
  type AcceptedHello,
  buildServerHello,
  checkClientHello,
  clientHelloRecordLength,
  MAX_CLIENT_HELLO,
  type ReplayCache,
} from './fake-tls-server.js';

/** Why the proxy refused a client. */
export type MtproxyRefusal =
  | 'not-tls'
  | 'too-long'
  | 'hmac'
  | 'clock'
  | 'replay'
  | 'sni'
  | 'tls-required'
  | 'bad-secret'
  | 'padding-required'
  | 'unknown-dc'
  | 'bad-records';

/** Settings shared by every session of one proxy. */
export interface MtproxySessionSettings {
  key: Uint8Array;
  modes: ReadonlySet<MtproxyMode>;
  crypto: CryptoProvider;
  random: RandomSource;
  /** Clock in ms. */
  clock: () => number;
  maxSkewS: number;
  /** When set, a fake-TLS hello must carry this SNI. */
  domain: string | undefined;
  replays: ReplayCache;
  /** DC ids the proxy can relay to. */
  hasDc: (dcId: number) => boolean;
}

/** What one `fromClient` call asks the I/O side to do. */
export interface SessionOutput {
  toClient: Uint8Array[];
  toDc: Uint8Array[];
  /** Open the DC connection (set once, before the first `toDc` bytes). */
  connect?: { dcId: number; codec: CodecKind; mode: MtproxyMode };
  /** The client was refused (set once). */
  refused?: MtproxyRefusal;
}

const DC_PREFIX: Record<string, Uint8Array> = {
  abridged: Uint8Array.of(0xef),
  intermediate: Uint8Array.of(0xee, 0xee, 0xee, 0xee),
  'padded-intermediate': Uint8Array.of(0xdd, 0xdd, 0xdd, 0xdd),
};

/** The DC a client asked for in its init: test DCs are +10000, media DCs negative. */
export function targetDc(dcId: number): number {
  return Math.abs(dcId) % 10000;
}

/** See the module comment. */
export class MtproxySession {
  private state: 'start' | 'hello' | 'init' | 'relay' | 'refused' = 'start';
  private buffer: Uint8Array = new Uint8Array(0);
  private records: StreamLayer | undefined;
  private cipher: ObfuscationCipher | undefined;

  constructor(private readonly settings: MtproxySessionSettings) {}

  /** True once the client was refused (everything after is swallowed). */
  get isRefused(): boolean {
    return this.state === 'refused';
  }

  /** Bytes from the client. */
  fromClient(chunk: Uint8Array): SessionOutput {
    const out: SessionOutput = { toClient: [], toDc: [] };
    if (this.state === 'refused') return out;
    if (this.state === 'relay') {
      this.relayIn(chunk, out);
      return out;
    }
    if (this.state === 'init' && this.records) {
      try {
        this.buffer = join(this.buffer, this.records.decode(chunk));
      } catch {
        return this.refuse(out, 'bad-records');
      }
      this.readInit(out);
      return out;
    }
    this.buffer = join(this.buffer, chunk);
    if (this.state === 'start') {
      if (this.buffer.length < 3) return out;
      const tls = this.buffer[0] === 0x16 && this.buffer[1] === 0x03 && this.buffer[2] === 0x01;
      if (tls && this.settings.modes.has('ee')) this.state = 'hello';
      else if (!this.settings.modes.has('plain') && !this.settings.modes.has('dd')) return this.refuse(out, 'tls-required');
      else this.state = 'init';
    }
    if (this.state === 'hello') {
      const need = clientHelloRecordLength(this.buffer);
      if (need === undefined) return out;
      if (need - 5 > MAX_CLIENT_HELLO) return this.refuse(out, 'too-long');
      if (this.buffer.length < need) return out;
      const s = this.settings;
      const hello = checkClientHello(this.buffer.subarray(0, need), {
        key: s.key,
        crypto: s.crypto,
        nowS: Math.floor(s.clock() / 1000),
        maxSkewS: s.maxSkewS,
        replays: s.replays,
        domain: s.domain,
      });
      if (typeof hello === 'string') return this.refuse(out, hello);
      out.toClient.push(this.answerHello(hello));
      this.records = createTlsRecordLayer({ side: 'server' });
      const rest = this.buffer.subarray(need);
      this.buffer = new Uint8Array(0);
      this.state = 'init';
      if (rest.length === 0) return out;
      try {
        this.buffer = this.records.decode(rest).slice();
      } catch {
        return this.refuse(out, 'bad-records');
      }
    }
    if (this.state === 'init') this.readInit(out);
    return out;
  }

  /** Bytes from the DC: what to send the client. */
  fromDc(chunk: Uint8Array): Uint8Array {
    if (!this.cipher) throw new TransportError('mtproxy: DC bytes before the relay started');
    const enc = this.cipher.encrypt(chunk);
    return this.records ? this.records.encode(enc) : enc;
  }

  /** Frees the cipher. */
  dispose(): void {
    this.cipher?.dispose();
    this.cipher = undefined;
  }

  private answerHello(hello: AcceptedHello): Uint8Array {
    const s = this.settings;
    return buildServerHello({ key: s.key, crypto: s.crypto, random: s.random, hello });
  }

  private readInit(out: SessionOutput): void {
    if (this.buffer.length < OBFUSCATED_INIT_LENGTH) return;
    const s = this.settings;
    const init = this.buffer.slice(0, OBFUSCATED_INIT_LENGTH);
    const rest = this.buffer.subarray(OBFUSCATED_INIT_LENGTH);
    this.buffer = new Uint8Array(0);
    let accepted;
    try {
      accepted = acceptObfuscatedInit(init, { crypto: s.crypto, secret: s.key });
    } catch {
      this.refuse(out, 'bad-secret');
      return;
    }
    const tls = this.records !== undefined;
    const padded = accepted.codec === 'padded-intermediate';
    if (!DC_PREFIX[accepted.codec]) {
      accepted.cipher.dispose();
      this.refuse(out, 'bad-secret');
      return;
    }
    if (!padded && (tls || !s.modes.has('plain'))) {
      accepted.cipher.dispose();
      this.refuse(out, 'padding-required');
      return;
    }
    if (s.replays.check(init.subarray(0, 56))) {
      accepted.cipher.dispose();
      this.refuse(out, 'replay');
      return;
    }
    const dcId = targetDc(accepted.dcId);
    if (!s.hasDc(dcId)) {
      accepted.cipher.dispose();
      this.refuse(out, 'unknown-dc');
      return;
    }
    this.cipher = accepted.cipher;
    this.state = 'relay';
    const mode: MtproxyMode = tls ? 'ee' : padded && s.modes.has('dd') ? 'dd' : 'plain';
    out.connect = { dcId, codec: accepted.codec, mode };
    out.toDc.push(DC_PREFIX[accepted.codec]!);
    if (rest.length > 0) out.toDc.push(this.cipher.decrypt(rest));
  }

  private relayIn(chunk: Uint8Array, out: SessionOutput): void {
    let data = chunk;
    if (this.records) {
      try {
        data = this.records.decode(chunk);
      } catch {
        this.refuse(out, 'bad-records');
        return;
      }
    }
    if (data.length > 0) out.toDc.push(this.cipher!.decrypt(data));
  }

  private refuse(out: SessionOutput, reason: MtproxyRefusal): SessionOutput {
    this.state = 'refused';
    this.buffer = new Uint8Array(0);
    this.dispose();
    out.refused = reason;
    return out;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
