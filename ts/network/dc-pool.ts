/**
 * The DC pool: one {@link Connection} per DC on demand (the home DC's first),
 * each DC with its own permanent auth key kept in a {@link SessionStorage};
 * the login carried to other DCs with `auth.exportAuthorization` /
 * `auth.importAuthorization` (https://core.telegram.org/api/datacenter#authorization-transfer);
 * media-only connections and several connections per DC for parallel file
 * transfers, closed when idle; and every `*_MIGRATE_X` error
 * (https://core.telegram.org/api/errors#303-see-other) followed transparently:
 *
 * - `PHONE_MIGRATE_X`, `USER_MIGRATE_X`, `NETWORK_MIGRATE_X` on a call to the
 *   home DC: X becomes the home DC (stored) and the call is repeated there;
 * - `FILE_MIGRATE_X`, `STATS_MIGRATE_X` (and any migration of a call aimed at
 *   a given DC): the call is repeated on X, with the login transferred first.
 *
 * DC addresses come from the stored list, else the given bootstrap list, and
 * are replaced by `help.getConfig`'s (`refreshConfig`, also run on
 * `updateDcOptions`); they are persisted with `setDcOptions`.
 *
 * @example
 * ```ts
 * const pool = new DcPool({ crypto, sockets, storage, initConnection, dcs: PRODUCTION_DCS });
 * await pool.start();
 * const sent = await pool.invoke({ _: 'auth.sendCode', ... }); // follows PHONE_MIGRATE
 * await pool.close();
 * ```
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { RsaPublicKey } from '../crypto/rsa.js';
import { RpcError, WasmgramError } from '../errors.js';
import { type Logger, logEnabled, silentLogger } from '../logger.js';
import type { InitConnectionFields } from '../mtproto/session/init-connection.js';
import type { DcAddress, SessionStorage, StoredDcKey } from '../storage/types.js';
import type { AnyRequest, ResultOf } from '../tl/generated/types.js';
import { Emitter } from '../transport/emitter.js';
import type { SocketFactory } from '../transport/socket.js';
import { type AuthKeyLost, Connection, type ConnectionOptions } from './connection.js';
import { dcOptionsFromConfig, pickDcAddress } from './dc-options.js';
import type { TransportCandidate } from './transport-race.js';

/** Connection settings the pool passes to every {@link Connection} it makes. */
export type PoolConnectionOptions = Pick<
  ConnectionOptions,
  'codec' | 'obfuscated' | 'pfs' | 'session' | 'reconnect' | 'connectTimeoutMs' | 'requestTimeoutMs' | 'now'
>;

/** Options of {@link DcPool}. */
export interface DcPoolOptions {
  crypto: CryptoProvider;
  sockets: SocketFactory;
  storage: SessionStorage;
  /** initConnection fields for every connection. */
  initConnection: InitConnectionFields;
  /** Server keys trusted in key exchanges (default: Telegram's production keys). */
  rsaKeys?: readonly RsaPublicKey[];
  /** Bootstrap DC list, used until storage or `help.getConfig` has one. */
  dcs: readonly DcAddress[];
  /** The first home DC when storage has none (default: the first of `dcs`). */
  defaultDc?: number;
  /** Telegram test DCs: the DC id in the key exchange is id + 10 000 (https://core.telegram.org/mtproto/auth_key). */
  testMode?: boolean;
  /** Settings of every connection. */
  connection?: PoolConnectionOptions;
  /** Close transfer and non-home connections idle this long, ms (default 60 000). */
  idleMs?: number;
  /**
   * `transport: 'auto'`: the ways to reach a DC, raced for the first
   * connection to it (each must open and answer a req_pq_multi probe; see
   * transport-race.ts). The pool remembers which kind won on each DC and
   * opens later connections to that DC (other slots, reopened idle ones)
   * with it directly (CDN DCs are reached as configured). Build them with
   * `createAutoTransports` (auto-transport.ts).
   */
  transports?: (dc: DcAddress, media: boolean) => readonly TransportCandidate[];
  /** Also use IPv6 addresses (default false). */
  ipv6?: boolean;
  logger?: Logger;
}

/** What a call through the pool may choose. */
export interface PoolInvokeOptions {
  /** DC to send to (default: the home DC; migrations of a call without `dcId` move the home DC). */
  dcId?: number;
  /** Use the DC's media connection (file transfers). */
  media?: boolean;
  /** Which of the DC's transfer connections (0 is the main one). */
  slot?: number;
  /**
   * `dcId` is a CDN DC (https://core.telegram.org/cdn): its `cdn` address, the
   * keys given to {@link DcPool.addCdnKeys}, no login carried there, its key not stored.
   */
  cdn?: boolean;
  /** Told when a `*_MIGRATE_X` moves this call to DC X (a download remembers where its file lives). */
  onMigrate?: (dcId: number) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Events of a {@link DcPool}. */
export type DcPoolEvents = {
  /** An update or other unsolicited object from any connection, with the DC it came from. */
  update: (update: { readonly _: string }, dcId: number) => void;
  /** The home DC changed (a PHONE/USER/NETWORK_MIGRATE). */
  'home-dc': (dcId: number) => void;
  /** A connection failed and is recovering (for logging). */
  error: (error: Error, dcId: number) => void;
  /**
   * DC `dcId` confirmed it no longer knows the permanent key (see `Connection`'s
   * -404 rule): the stored key was deleted; a login on that DC is gone.
   */
  'auth-key-lost': (info: AuthKeyLost) => void;
};

/** How many migrations one call may follow before the pool gives up (a loop is a server bug). */
const MAX_MIGRATIONS = 4;

interface Slot {
  readonly dcId: number;
  readonly media: boolean;
  readonly cdn: boolean;
  readonly index: number;
  readonly connection: Connection;
  inFlight: number;
  lastUsed: number;
  readonly offs: (() => void)[];
}

const MIGRATE_HOME = new Set(['PHONE_MIGRATE', 'USER_MIGRATE', 'NETWORK_MIGRATE']);

/** The DC pool. See the module comment. */
export class DcPool extends Emitter<DcPoolEvents> {
  private home = 0;
  private dcs: DcAddress[] = [];
  private readonly slots = new Map<string, Slot>();
  /** DCs this process has carried the login to (or the home DC). */
  private readonly authorizedDcs = new Set<number>();
  private readonly transfers = new Map<number, Promise<void>>();
  private readonly opening = new Map<string, Promise<Slot>>();
  /** Under `transports`: the candidate label that won on each DC. */
  private readonly transportWinners = new Map<number, string>();
  private cdnKeys: RsaPublicKey[] = [];
  private signedIn = false;
  private closed = false;
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly options: DcPoolOptions) {
    super();
    this.logger = options.logger ?? silentLogger;
    this.now = options.connection?.now ?? Date.now;
  }

  /** The home DC (where the account lives). */
  get homeDc(): number {
    return this.home;
  }

  /** The DC addresses in use. */
  get dcOptions(): readonly DcAddress[] {
    return this.dcs;
  }

  /** Loads the home DC and DC list from storage (storage must be open). */
  async start(): Promise<void> {
    const s = this.options.storage;
    const stored = await s.getDcOptions();
    this.dcs = stored.length > 0 ? stored : [...this.options.dcs];
    this.home = (await s.getHomeDc()) ?? this.options.defaultDc ?? this.options.dcs[0]?.id ?? 2;
    this.idleTimer = setInterval(() => this.closeIdle(), Math.max(1000, (this.options.idleMs ?? 60_000) / 2));
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  /**
   * Marks the pool signed in (or out): while signed in, a call to another DC
   * first carries the login there (`auth.exportAuthorization` on the home DC,
   * `auth.importAuthorization` on the other).
   */
  setSignedIn(signedIn: boolean): void {
    this.signedIn = signedIn;
    this.authorizedDcs.clear();
    if (signedIn) this.authorizedDcs.add(this.home);
  }

  /** Trusts `keys` (from `help.getCdnConfig`) in key exchanges with CDN DCs; a key with a known fingerprint is replaced. */
  addCdnKeys(keys: readonly RsaPublicKey[]): void {
    const fresh = new Set(keys.map((k) => k.fingerprint));
    this.cdnKeys = [...this.cdnKeys.filter((k) => !fresh.has(k.fingerprint)), ...keys];
  }

  /** Makes `dcId` the home DC and stores it. */
  async setHomeDc(dcId: number): Promise<void> {
    if (dcId === this.home) return;
    this.logger.log('info', `home DC ${this.home} → ${dcId}`);
    this.home = dcId;
    await this.options.storage.setHomeDc(dcId);
    this.emit('home-dc', dcId);
  }

  /**
   * Sends `request` and resolves with its typed result, following migrations
   * and carrying the login to other DCs as needed.
   *
   * @throws RpcError, TimeoutError, TransportError from the connection
   */
  async invoke<R extends AnyRequest>(request: R, options: PoolInvokeOptions = {}): Promise<ResultOf<R>> {
    let dcId = options.dcId ?? this.home;
    let followsHome = options.dcId === undefined;
    let reauthorized = false;
    for (let hops = 0; ; ) {
      const cdn = options.cdn === true;
      const slot = await this.slot(dcId, options.media ?? false, options.slot ?? 0, cdn);
      if (this.signedIn && dcId !== this.home && !cdn) await this.authorize(dcId);
      slot.inFlight++;
      slot.lastUsed = this.now();
      const t0 = logEnabled(this.logger, 'debug') ? performance.now() : 0;
      try {
        const result = await slot.connection.invoke(request, {
          ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
          ...(options.signal && { signal: options.signal }),
        });
        if (t0) this.logger.log('debug', `rpc ${request._} dc${dcId} ${(performance.now() - t0).toFixed(1)} ms`);
        return result;
      } catch (e) {
        if (t0) this.logger.log('debug', `rpc ${request._} dc${dcId} failed: ${(e as Error).message}`);
        if (e instanceof RpcError && e.code === 303 && e.dcId !== undefined && hops < MAX_MIGRATIONS) {
          hops++;
          this.logger.log('info', `${e.text}: ${request._} moves from DC ${dcId} to DC ${e.dcId}`);
          if (followsHome && MIGRATE_HOME.has(e.errorName)) await this.setHomeDc(e.dcId);
          else followsHome = false;
          dcId = e.dcId;
          options.onMigrate?.(dcId);
          continue;
        }
        if (RpcError.is(e, 'AUTH_KEY_UNREGISTERED') && this.signedIn && dcId !== this.home && !reauthorized) {
          // The other DC forgot the imported login (or got a new key): carry it over again.
          reauthorized = true;
          this.authorizedDcs.delete(dcId);
          continue;
        }
        throw e;
      } finally {
        slot.inFlight--;
        slot.lastUsed = this.now();
      }
    }
  }

  /**
   * The connection for (`dcId`, `media`, `slot`), opened on first use. Slot 0
   * is the DC's main connection; higher slots are extra connections for
   * parallel transfers sharing the DC's key, closed after `idleMs` idle.
   */
  async connection(dcId: number, options: { media?: boolean; slot?: number } = {}): Promise<Connection> {
    return (await this.slot(dcId, options.media ?? false, options.slot ?? 0)).connection;
  }

  /**
   * Fetches `help.getConfig` from the home DC and makes its DC list the one
   * in use (persisted). Called on start when nothing is stored, and on `updateDcOptions`.
   */
  async refreshConfig(viaDcId?: number): Promise<void> {
    const config = await this.invoke({ _: 'help.getConfig' }, viaDcId === undefined ? {} : { dcId: viaDcId });
    const options = dcOptionsFromConfig(config.dc_options);
    if (options.length === 0) return;
    this.dcs = options;
    await this.options.storage.setDcOptions(options);
  }

  /** Saves every connection's current key state (salts, time offsets) to storage. */
  async saveKeys(): Promise<void> {
    for (const slot of this.slots.values()) {
      if (slot.index !== 0 || slot.cdn) continue;
      const key = slot.connection.authKey;
      if (key) await this.storeKey(slot.dcId, slot.media, key.key, key.serverSalt, key.timeOffset);
    }
  }

  /** Closes every connection (after saving key state). Pending calls reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idleTimer !== undefined) clearInterval(this.idleTimer);
    await this.saveKeys().catch(() => {});
    for (const slot of this.slots.values()) this.dropSlot(slot);
  }

  /** Number of open connections (for tests and stats). */
  get size(): number {
    return this.slots.size;
  }

  // ---------------------------------------------------------------- internals

  private async slot(dcId: number, media: boolean, index: number, cdn = false): Promise<Slot> {
    if (this.closed) throw new WasmgramError('the DC pool is closed');
    const id = slotId(dcId, media, index, cdn);
    const have = this.slots.get(id);
    if (have && have.connection.state !== 'closed') return have;
    if (have) this.dropSlot(have);
    let pending = this.opening.get(id);
    if (!pending) {
      pending = this.openSlot(id, dcId, media, index, cdn).finally(() => this.opening.delete(id));
      this.opening.set(id, pending);
    }
    return pending;
  }

  private async openSlot(id: string, dcId: number, media: boolean, index: number, cdn: boolean): Promise<Slot> {
    let address = pickDcAddress(this.dcs, dcId, { media, cdn, ipv6: this.options.ipv6 ?? false });
    if (!address) {
      // An unknown DC: the config may be older than the server's DC list. Ask a
      // DC we can reach — the home DC, or (when the home DC itself is the unknown
      // one, e.g. right after PHONE_MIGRATE_X) any DC with a known address.
      const via = dcId !== this.home ? undefined : this.dcs.find((d) => d.id !== dcId && !d.mediaOnly && !d.cdn)?.id;
      if (dcId !== this.home || via !== undefined) {
        await this.refreshConfig(via);
        address = pickDcAddress(this.dcs, dcId, { media, cdn, ipv6: this.options.ipv6 ?? false });
      }
    }
    if (!address) throw new WasmgramError(`no address known for DC ${dcId}`);
    // Extra transfer connections share the main connection's key: make sure it exists first.
    let stored: StoredDcKey | undefined;
    if (index > 0) {
      const main = await this.slot(dcId, media, 0, cdn);
      await main.connection.connect();
      const k = main.connection.authKey;
      if (k) stored = { dcId, authKey: k.key, serverSalt: k.serverSalt ?? 0n, timeOffset: k.timeOffset ?? 0 };
    } else if (!cdn) {
      stored = await this.options.storage.getAuthKey(dcId, media || undefined);
    }
    const o = this.options;
    const protocolDcId = (o.testMode ? 10_000 + dcId : dcId) * (media ? -1 : 1);
    const transports = cdn ? undefined : o.transports?.(address, media);
    const preferred = this.transportWinners.get(dcId);
    const connection = new Connection({
      ...o.connection,
      ...(transports?.length && { transports, ...(preferred !== undefined && { preferredTransport: preferred }) }),
      crypto: o.crypto,
      sockets: o.sockets,
      dcId,
      host: address.host,
      port: address.port,
      protocolDcId,
      ...(address.secret && { secret: address.secret }),
      ...(address.tcpoOnly && { obfuscated: true }),
      ...(cdn ? { rsaKeys: this.cdnKeys } : o.rsaKeys && { rsaKeys: o.rsaKeys }),
      ...(stored && {
        authKey: {
          key: stored.authKey,
          ...(stored.serverSalt !== undefined && { serverSalt: stored.serverSalt }),
          ...(stored.timeOffset !== undefined && { timeOffset: stored.timeOffset }),
        },
      }),
      initConnection: o.initConnection,
    });
    const slot: Slot = { dcId, media, cdn, index, connection, inFlight: 0, lastUsed: this.now(), offs: [] };
    slot.offs.push(
      connection.on('auth-key', (r) => {
        this.logger.log('info', `new auth key for DC ${dcId}${media ? ' (media)' : ''}`);
        // A new key on DC X is not signed in there, even if an older key was.
        if (dcId !== this.home) this.authorizedDcs.delete(dcId);
        if (index === 0 && !cdn) void this.storeKey(dcId, media, r.authKey, r.serverSalt, r.timeOffset);
      }),
      connection.on('auth-key-lost', (info) => {
        this.logger.log('warn', `DC ${dcId}${media ? ' (media)' : ''} no longer knows its auth key (-404, confirmed)`);
        this.authorizedDcs.delete(dcId);
        if (index === 0) void this.deleteKey(dcId, media);
        this.emit('auth-key-lost', info);
      }),
      connection.on('transport', (label) => {
        this.logger.log('info', `DC ${dcId}${media ? ' (media)' : ''}: ${label} won the transport race`);
        this.transportWinners.set(dcId, label);
      }),
      connection.on('update', (u) => this.onUpdate(u, dcId)),
      connection.on('error', (e) => this.emit('error', e, dcId)),
    );
    this.slots.set(id, slot);
    return slot;
  }

  private async deleteKey(dcId: number, media: boolean): Promise<void> {
    try {
      await this.options.storage.setAuthKey(dcId, undefined, media || undefined);
    } catch (e) {
      this.logger.log('error', `could not delete the lost auth key of DC ${dcId}: ${(e as Error).message}`);
    }
  }

  private async storeKey(dcId: number, media: boolean, authKey: Uint8Array, serverSalt?: bigint, timeOffset?: number): Promise<void> {
    const key: StoredDcKey = { dcId, authKey };
    if (serverSalt !== undefined) key.serverSalt = serverSalt;
    if (timeOffset !== undefined) key.timeOffset = timeOffset;
    if (media) key.media = true;
    try {
      await this.options.storage.setAuthKey(dcId, key, media || undefined);
    } catch (e) {
      this.logger.log('error', `could not store the auth key of DC ${dcId}: ${(e as Error).message}`);
    }
  }

  /** Carries the login from the home DC to `dcId` once (concurrent callers share the transfer). */
  private authorize(dcId: number): Promise<void> {
    if (this.authorizedDcs.has(dcId)) return Promise.resolve();
    let pending = this.transfers.get(dcId);
    if (!pending) {
      pending = (async () => {
        this.logger.log('info', `carrying the login from DC ${this.home} to DC ${dcId}`);
        const exported = await this.invoke({ _: 'auth.exportAuthorization', dc_id: dcId }, { dcId: this.home });
        const conn = await this.connection(dcId);
        await conn.invoke({ _: 'auth.importAuthorization', id: exported.id, bytes: exported.bytes });
        this.authorizedDcs.add(dcId);
      })().finally(() => this.transfers.delete(dcId));
      this.transfers.set(dcId, pending);
    }
    return pending;
  }

  private onUpdate(update: { readonly _: string }, dcId: number): void {
    const list = (update as { updates?: readonly { _: string }[] }).updates;
    const one = (update as { update?: { _: string } }).update;
    if (one?._ === 'updateDcOptions' || list?.some((u) => u._ === 'updateDcOptions')) {
      void this.refreshConfig().catch((e) => this.logger.log('warn', `config refresh failed: ${(e as Error).message}`));
    }
    this.emit('update', update, dcId);
  }

  private closeIdle(): void {
    const limit = this.options.idleMs ?? 60_000;
    const now = this.now();
    for (const slot of this.slots.values()) {
      const isHomeMain = slot.dcId === this.home && slot.index === 0 && !slot.media;
      if (isHomeMain || slot.inFlight > 0 || now - slot.lastUsed < limit) continue;
      this.logger.log('debug', `closing idle connection DC ${slot.dcId}${slot.media ? ' media' : ''} #${slot.index}`);
      if (slot.index === 0 && !slot.cdn) {
        const key = slot.connection.authKey;
        if (key) void this.storeKey(slot.dcId, slot.media, key.key, key.serverSalt, key.timeOffset);
      }
      this.dropSlot(slot);
    }
  }

  /** Runs the idle sweep now (tests). */
  sweepIdle(): void {
    this.closeIdle();
  }

  private dropSlot(slot: Slot): void {
    for (const off of slot.offs) off();
    slot.connection.close();
    const id = slotId(slot.dcId, slot.media, slot.index, slot.cdn);
    if (this.slots.get(id) === slot) this.slots.delete(id);
  }
}

/** The key of a slot in the pool's table. */
function slotId(dcId: number, media: boolean, index: number, cdn: boolean): string {
  return `${dcId}:${cdn ? 'c' : media ? 'm' : 'a'}:${index}`;
}
