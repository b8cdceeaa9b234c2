/**
 * The in-memory Telegram: one world (accounts, logins, sent codes, update
 * state) shared by every DC of the emulator, and a request handler per DC.
 * It is pure: no sockets, no timers; time and randomness are injected.
 *
 * @example
 * ```ts
 * const backend = new TelegramBackend({ now: () => 1_700_000_000 });
 * backend.setDcPort(2, 40002);
 * const alice = backend.addUser({ phone: '9996621234', firstName: 'Alice' }); // lives on DC 2, code 22222
 * const { token } = backend.addBot({ username: 'echo_bot' });
 * const ctx = backend.connect(2, { authKeyId: 0x1234n });
 * const config = await backend.dc(2).handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, init));
 * ```
 */
import type { RandomSource } from '../../crypto/provider.js';
import { defaultRandom } from '../../crypto/random.js';
import type { AnyRequest, auth, Chat, Message, ResultOf, Updates, User } from '../../tl/generated/types.js';
import { AuthStore } from './auth-store.js';
import { randomBytes, systemClock, type Clock } from './clock.js';
import type { ConnectOptions, RequestContext } from './context.js';
import { DcHandler } from './dc-handler.js';
import { DcTable, type DcAddress } from './dc-table.js';
import { FaultInjector } from './faults.js';
import { UpdateFaults } from './update-faults.js';
import { LoginCodes } from './login-codes.js';
import { LoginTokens } from './login-tokens.js';
import { PasswordStore } from './passwords.js';
import { parseTestPhone } from './test-phone.js';
import { ChatStore, type ChatRecord } from './store/chat-store.js';
import { ContactStore } from './store/contact-store.js';
import { DialogStore } from './store/dialog-store.js';
import { MessageStore, type StoredMessage } from './store/mailbox.js';
import { type AccessHashMode, accessHashFor, type PeerRef } from './store/peer-ref.js';
import { toTlChat } from './tl-chat.js';
import { mentionsViewer } from './methods/mentions.js';
import { isUnreadMention } from './methods/mentions-read.js';
import { toTlMessage } from './tl-message.js';
import { toTlUser } from './tl-user.js';
import { UpdateHub } from './update-hub.js';
import { UserStore, type BotAccount, type NewBot, type NewUser, type UserRecord } from './user-store.js';
import { ArgumentError } from '../../errors.js';

/**
 * Checks an `auth.bindTempAuthKey` request on the temporary key
 * `tempAuthKeyId` (decrypts `encrypted_message` with the permanent key and
 * compares its fields, https://core.telegram.org/method/auth.bindTempAuthKey).
 * Throws an RpcError (e.g. 400 ENCRYPTED_MESSAGE_INVALID) to refuse.
 */
export type TempKeyVerifier = (binding: {
  readonly dcId: number;
  readonly tempAuthKeyId: bigint;
  readonly request: auth.bindTempAuthKey;
}) => void | Promise<void>;

/** How to build a backend. Every field is optional. */
export interface BackendOptions {
  /** Number of DCs, ids 1..dcCount (default 5). */
  dcCount?: number;
  /** Current Unix time in seconds (default: the wall clock). */
  now?: Clock;
  /** Randomness for access hashes, code hashes, tokens (default: the platform CSPRNG). */
  random?: RandomSource;
  /** Seconds a login code stays valid (default 300). */
  codeTtl?: number;
  /** Refuse API calls on a key that never sent `initConnection`, as Telegram does (default true). */
  requireInitConnection?: boolean;
  /** The `auth.bindTempAuthKey` check; without it that method answers METHOD_NOT_IMPLEMENTED. */
  verifyTempKeyBinding?: TempKeyVerifier;
  /** First user id handed out (default 1000000). */
  firstUserId?: bigint;
  /**
   * `per-account`: each account sees its own access hash for a user or
   * channel, as on Telegram, so a hash from another account is refused;
   * `shared` (default): one hash per peer (`UserRecord.accessHash`).
   */
  accessHashes?: AccessHashMode;
  /** Events kept per pts sequence for `updates.getDifference` (default 10 000). */
  ptsLogLimit?: number;
  /** Most messages one `updates.getDifference` answer carries before it is a `differenceSlice` (default 100). */
  differenceLimit?: number;
}

/** The world behind every DC of the emulator. */
export class TelegramBackend {
  /** Where each DC listens (ports are set by the server as it starts). */
  readonly dcs: DcTable;
  /** Accounts: people and bots. */
  readonly users: UserStore;
  /** Basic groups, supergroups and broadcast channels. */
  readonly chats: ChatStore;
  /** Message boxes: one per account, one per channel. */
  readonly messages = new MessageStore();
  /** Each account's dialogs (read markers, pins, drafts). */
  readonly dialogs = new DialogStore();
  /** Contact lists and phone privacy per account (store/contact-store.ts). */
  readonly contacts = new ContactStore();
  /** See `BackendOptions.accessHashes`. */
  readonly accessHashMode: AccessHashMode;
  /** See `BackendOptions.differenceLimit`. */
  readonly differenceLimit: number;
  /** Auth keys, logins, temporary-key bindings, exported authorizations. */
  readonly auth: AuthStore;
  /** Login codes in flight. */
  readonly codes: LoginCodes;
  /** Update state per user and update delivery to connections. */
  readonly updates: UpdateHub;
  /** Injected failures (`floodWait`, `failNext`). */
  readonly faults = new FaultInjector();
  /** Injected faults of the update stream (`drop`, `reorder`, `duplicate`, `sendTooLong`, `channelTooLong`, `makeChannelPrivate`). */
  readonly updateFaults: UpdateFaults = new UpdateFaults(this);
  /** 2FA passwords (SRP verifiers) and password-pending logins. */
  readonly passwords: PasswordStore;
  /** QR login tokens. */
  readonly loginTokens: LoginTokens;
  /** See `BackendOptions.requireInitConnection`. */
  readonly requireInitConnection: boolean;
  /** See `BackendOptions.verifyTempKeyBinding`; may be set after construction. */
  verifyTempKeyBinding: TempKeyVerifier | undefined;

  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly handlers: DcHandler[] = [];

  constructor(options: BackendOptions = {}) {
    const random = options.random ?? defaultRandom;
    this.random = random;
    this.clock = options.now ?? systemClock;
    const codeTtl = options.codeTtl ?? 300;
    if (!(codeTtl > 0)) throw new ArgumentError(`codeTtl must be > 0, got ${codeTtl}`);
    this.dcs = new DcTable(options.dcCount ?? 5);
    this.users = new UserStore(random, () => this.now(), this.dcs.count, options.firstUserId);
    this.auth = new AuthStore(random);
    this.codes = new LoginCodes(random, codeTtl);
    this.passwords = new PasswordStore(random);
    this.loginTokens = new LoginTokens(random);
    this.updates = new UpdateHub(() => this.now(), options.ptsLogLimit ?? 10_000);
    this.chats = new ChatStore(random);
    this.accessHashMode = options.accessHashes ?? 'shared';
    this.differenceLimit = options.differenceLimit ?? 100;
    this.requireInitConnection = options.requireInitConnection ?? true;
    this.verifyTempKeyBinding = options.verifyTempKeyBinding;
  }

  /** `n` bytes from the injected randomness (salts, tokens). */
  randomBytes(n: number): Uint8Array {
    return randomBytes(this.random, n);
  }

  /** Current Unix time (seconds) from the injected clock. */
  now(): number {
    return this.clock();
  }

  /** Records the port (and address) DC `dcId` listens on; `help.getConfig` lists only DCs with a port. */
  setDcPort(dcId: number, port: number, ip?: string): void {
    this.dcs.set(dcId, port, ip);
  }

  /** Every DC's address, in id order. */
  dcAddresses(): readonly DcAddress[] {
    return this.dcs.all();
  }

  /** The request handler of DC `dcId`. */
  dc(dcId: number): DcHandler {
    this.dcs.check(dcId);
    return (this.handlers[dcId] ??= new DcHandler(this, dcId));
  }

  /** A context for a connection to DC `dcId` (same as `dc(dcId).connect(options)`). */
  connect(dcId: number, options: ConnectOptions): RequestContext {
    return this.dc(dcId).connect(options);
  }

  /** Runs `request` on the context's DC (same as `dc(ctx.dcId).handle(ctx, request)`). */
  handle<R extends AnyRequest>(ctx: RequestContext, request: R): Promise<ResultOf<R>> {
    return this.dc(ctx.dcId).handle(ctx, request);
  }

  /** Registers a person with a test number `99966XYYYY` (their DC is X). See `UserStore.addUser`. */
  addUser(input: NewUser): UserRecord {
    return this.users.addUser(input);
  }

  /** Registers a bot and returns its token `<botId>:<secret>`. See `UserStore.addBot`. */
  addBot(input: NewBot): BotAccount {
    return this.users.addBot(input);
  }

  /**
   * The login code of test number `phone` (X five times).
   *
   * @throws RangeError when `phone` is not a test number of this backend
   */
  loginCode(phone: string): string {
    const p = parseTestPhone(phone, this.dcs.count);
    if (!p) throw new ArgumentError(`not a test phone number of DCs 1..${this.dcs.count}: ${phone}`);
    return p.code;
  }

  /**
   * Signs auth key `authKeyId` on DC `dcId` in as `userId` without the login
   * flow: a pre-made session for tests that start logged in.
   */
  authorize(dcId: number, authKeyId: bigint, userId: bigint): void {
    this.dcs.check(dcId);
    if (!this.users.get(userId)) throw new ArgumentError(`no user ${userId}`);
    this.auth.authorize(dcId, authKeyId, userId, this.now());
  }

  /**
   * Gives account `userId` a 2FA password (or removes it with undefined):
   * logins by code or QR then need `auth.checkPassword` (SRP,
   * https://core.telegram.org/api/srp). Only the SRP verifier is kept.
   *
   * @example
   * ```ts
   * await backend.setPassword(alice.id, 'hunter2', 'the usual');
   * ```
   */
  async setPassword(userId: bigint, password: string | undefined, hint?: string): Promise<void> {
    if (!this.users.get(userId)) throw new ArgumentError(`no user ${userId}`);
    await this.passwords.set(userId, password, hint);
  }

  /**
   * Pushes `updates` to every connection signed in as `userId` that is
   * subscribed to updates; returns how many got them.
   */
  publish(userId: bigint, updates: Updates): number {
    return this.updates.publish(userId, updates);
  }

  /** The access hash `viewer` sees for user or channel `peer` (0n for basic groups and unknown peers). */
  accessHash(viewer: bigint, peer: PeerRef): bigint {
    if (peer.kind === 'user') {
      const u = this.users.get(peer.id);
      return u ? accessHashFor(u.accessHash, u.id, viewer, this.accessHashMode) : 0n;
    }
    if (peer.kind === 'channel') {
      const c = this.chats.channel(peer.id);
      return c ? accessHashFor(c.accessHash, c.id, viewer, this.accessHashMode) : 0n;
    }
    return 0n;
  }

  /** The chat record of a `chat` or `channel` ref, if it exists. */
  chatOf(peer: PeerRef): ChatRecord | undefined {
    return peer.kind === 'chat' ? this.chats.group(peer.id) : peer.kind === 'channel' ? this.chats.channel(peer.id) : undefined;
  }

  /** The TL `user` `viewer` sees for user `id` (with the viewer's access hash), or undefined. */
  tlUser(id: bigint, viewer: bigint): User.user | undefined {
    const u = this.users.get(id);
    if (!u) return undefined;
    const saved = this.contacts.get(viewer, id);
    return toTlUser(u, viewer, this.now(), this.accessHash(viewer, { kind: 'user', id }), {
      contact: saved,
      mutual: saved !== undefined && this.contacts.has(id, viewer),
      phone: this.contacts.phoneVisible(id, viewer),
    });
  }

  /** The TL chat object `viewer` sees for a group or channel record. */
  tlChat(c: ChatRecord, viewer: bigint): Chat {
    return toTlChat(c, viewer, this.accessHash(viewer, { kind: c.kind === 'group' ? 'chat' : 'channel', id: c.id }));
  }

  /** The TL message `viewer` sees for a stored copy. */
  tlMessage(m: StoredMessage, viewer: bigint): Message {
    const msg = toTlMessage(m, viewer);
    // `mentioned` is per viewer (https://core.telegram.org/api/mentions).
    if (msg._ === 'message' && m.fromId !== viewer && this.mentions(m, viewer)) {
      msg.mentioned = true;
      if (isUnreadMention(this, m, viewer)) msg.media_unread = true; // until read (methods/mentions-read.ts)
    }
    return msg;
  }

  /** Whether `m` mentions account `viewer` (methods/mentions.ts). */
  mentions(m: StoredMessage, viewer: bigint): boolean {
    const box = m.box.kind === 'channel' ? this.messages.channel(m.box.id) : this.messages.account(m.box.id);
    return mentionsViewer(m, { viewer, username: this.users.get(viewer)?.username, sibling: (id) => box.get(id) });
  }

  /**
   * The `users` and `chats` lists an answer to `viewer` must carry for the
   * peers in `refs` (duplicates and unknown ids skipped): every peer an
   * answer mentions comes with it (https://core.telegram.org/api/peers).
   */
  peerLists(viewer: bigint, refs: Iterable<PeerRef>): { users: User[]; chats: Chat[] } {
    const users: User[] = [];
    const chats: Chat[] = [];
    const seen = new Set<string>();
    for (const r of refs) {
      const key = `${r.kind}${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.kind === 'user') {
        const u = this.tlUser(r.id, viewer);
        if (u) users.push(u);
      } else {
        const c = this.chatOf(r);
        if (c) chats.push(this.tlChat(c, viewer));
      }
    }
    return { users, chats };
  }
}
