/**
 * The accounts of the in-memory Telegram: people (a test phone number each)
 * and bots (a token each). Ids are handed out in order, so the same set-up
 * gives the same ids; access hashes come from the injected randomness.
 */
import type { RandomSource } from '../../crypto/provider.js';
import { randomLong, randomToken } from './clock.js';
import { parseTestPhone } from './test-phone.js';
import { ArgumentError } from '../../errors.js';

/** One account. Fields that can change (names) are mutable; identity is not. */
export interface UserRecord {
  /** User id (stable for the life of the backend). */
  readonly id: bigint;
  /** The access hash every other user sees in `user.access_hash` (https://core.telegram.org/api/peers#access-hashes). */
  readonly accessHash: bigint;
  /** The DC the account lives on: X of its test number, or the bot's chosen DC. */
  readonly dcId: number;
  /** True for bots. */
  readonly bot: boolean;
  /** Phone number, digits only (people only). */
  readonly phone?: string;
  /** First name (1..64 characters). */
  firstName: string;
  /** Last name, possibly empty. */
  lastName: string;
  /** Username without `@` (required for bots). */
  username?: string;
  /** Profile bio. */
  about: string;
  /** The current profile photo (a photo of methods/media-store.ts; methods/photos*.ts keep the list). */
  photo?: { readonly id: bigint; readonly dcId: number };
  /** Unix time the account was created. */
  readonly createdAt: number;
}

/** What `addUser` needs: a test phone number (`99966XYYYY`) and a first name. */
export interface NewUser {
  phone: string;
  firstName: string;
  lastName?: string;
  username?: string;
  about?: string;
}

/** What `addBot` needs. Without `token`, one is made up (`<id>:<35 random characters>`). */
export interface NewBot {
  /** Username without `@`; must end in `bot` (case-insensitive) like every Telegram bot. */
  username: string;
  firstName?: string;
  /** Home DC (default 2, or 1 when the backend runs a single DC). */
  dcId?: number;
  /** A fixed token `<botId>:<secret>`; its id becomes the bot's user id. */
  token?: string;
  about?: string;
}

/** A bot and the token that logs it in with `auth.importBotAuthorization`. */
export interface BotAccount {
  readonly user: UserRecord;
  readonly token: string;
}

/** Splits `<botId>:<secret>`, or returns undefined when the token is not of that shape. */
export function parseBotToken(token: string): { botId: bigint; secret: string } | undefined {
  const m = /^(\d{1,19}):([A-Za-z0-9_-]{1,128})$/.exec(token);
  if (!m) return undefined;
  const botId = BigInt(m[1]!);
  if (botId <= 0n || botId >= 1n << 63n) return undefined;
  return { botId, secret: m[2]! };
}

const NAME_MAX = 64;
const USERNAME_RE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** Throws a RangeError when a name given to the set-up helpers is not one Telegram would accept. */
function checkName(field: string, value: string, allowEmpty: boolean): void {
  if ((!allowEmpty && value.trim() === '') || value.length > NAME_MAX) {
    throw new ArgumentError(`${field} must be ${allowEmpty ? '0' : '1'}..${NAME_MAX} characters, got ${JSON.stringify(value)}`);
  }
}

/** Every account, indexed by id, phone, username and bot token. */
export class UserStore {
  private readonly byId = new Map<bigint, UserRecord>();
  private readonly byPhoneMap = new Map<string, UserRecord>();
  private readonly byUsernameMap = new Map<string, UserRecord>();
  private readonly tokens = new Map<string, UserRecord>();
  private nextId: bigint;

  constructor(
    private readonly random: RandomSource,
    private readonly now: () => number,
    private readonly dcCount: number,
    firstId = 1_000_000n,
  ) {
    this.nextId = firstId;
  }

  /** The account with `id`, if any. */
  get(id: bigint): UserRecord | undefined {
    return this.byId.get(id);
  }

  /** The account registered with `phone` (digits only), if any. */
  byPhone(phone: string): UserRecord | undefined {
    return this.byPhoneMap.get(phone);
  }

  /** The account with `username` (case-insensitive, no `@`), if any. */
  byUsername(username: string): UserRecord | undefined {
    return this.byUsernameMap.get(username.toLowerCase());
  }

  /** The bot whose token is exactly `token`, if any. */
  byBotToken(token: string): UserRecord | undefined {
    return this.tokens.get(token);
  }

  /** All accounts in creation order. */
  all(): UserRecord[] {
    return [...this.byId.values()];
  }

  /**
   * Registers a person. The phone must be a test number `99966XYYYY` with X a
   * DC of this backend; X becomes the account's DC.
   *
   * @throws RangeError for a bad phone, a taken phone or username, or a bad name
   */
  addUser(input: NewUser): UserRecord {
    const test = parseTestPhone(input.phone, this.dcCount);
    if (!test) throw new ArgumentError(`not a test phone number 99966XYYYY with X in 1..${this.dcCount}: ${input.phone}`);
    if (this.byPhoneMap.has(test.phone)) throw new ArgumentError(`phone ${test.phone} is already registered`);
    checkName('firstName', input.firstName, false);
    checkName('lastName', input.lastName ?? '', true);
    this.checkUsername(input.username);
    const user: UserRecord = {
      id: this.takeId(),
      accessHash: randomLong(this.random),
      dcId: test.dcId,
      bot: false,
      phone: test.phone,
      firstName: input.firstName,
      lastName: input.lastName ?? '',
      username: input.username,
      about: input.about ?? '',
      createdAt: this.now(),
    };
    this.index(user);
    return user;
  }

  /**
   * Registers a bot and returns it with its token.
   *
   * @throws RangeError for a bad or taken username, a bad token or DC, or a taken id
   */
  addBot(input: NewBot): BotAccount {
    if (!/bot$/i.test(input.username)) throw new ArgumentError(`a bot username must end in "bot": ${input.username}`);
    this.checkUsername(input.username);
    const dcId = input.dcId ?? (this.dcCount >= 2 ? 2 : 1);
    if (!Number.isInteger(dcId) || dcId < 1 || dcId > this.dcCount)
      throw new ArgumentError(`bot DC must be 1..${this.dcCount}, got ${dcId}`);
    let id: bigint;
    let token: string;
    if (input.token !== undefined) {
      const parsed = parseBotToken(input.token);
      if (!parsed) throw new ArgumentError(`a bot token is <botId>:<secret>, got ${JSON.stringify(input.token)}`);
      if (this.byId.has(parsed.botId)) throw new ArgumentError(`user id ${parsed.botId} is already taken`);
      id = parsed.botId;
      token = input.token;
    } else {
      id = this.takeId();
      token = `${id}:${randomToken(this.random, 35)}`;
    }
    const firstName = input.firstName ?? input.username;
    checkName('firstName', firstName, false);
    const user: UserRecord = {
      id,
      accessHash: randomLong(this.random),
      dcId,
      bot: true,
      firstName,
      lastName: '',
      username: input.username,
      about: input.about ?? '',
      createdAt: this.now(),
    };
    this.index(user);
    this.tokens.set(token, user);
    return { user, token };
  }

  /** The token of bot `id`, if it is a bot with one (a test server data directory keeps it). */
  tokenOf(id: bigint): string | undefined {
    for (const [token, u] of this.tokens) if (u.id === id) return token;
    return undefined;
  }

  /**
   * Puts back an account kept from an earlier run (a test server data
   * directory), with its id, access hash and, for a bot, its token.
   *
   * @throws ArgumentError when its id, phone or username is taken
   */
  restore(user: UserRecord, token?: string): void {
    if (this.byId.has(user.id)) throw new ArgumentError(`user id ${user.id} is already taken`);
    if (user.phone !== undefined && this.byPhoneMap.has(user.phone)) throw new ArgumentError(`phone ${user.phone} is already registered`);
    this.checkUsername(user.username);
    this.index(user);
    if (token !== undefined) this.tokens.set(token, user);
  }

  private checkUsername(username: string | undefined): void {
    if (username === undefined) return;
    if (!USERNAME_RE.test(username)) throw new ArgumentError(`username must be 4..32 of [A-Za-z0-9_] starting with a letter: ${username}`);
    if (this.byUsernameMap.has(username.toLowerCase())) throw new ArgumentError(`username @${username} is already taken`);
  }

  private takeId(): bigint {
    while (this.byId.has(this.nextId)) this.nextId++;
    return this.nextId++;
  }

  private index(user: UserRecord): void {
    this.byId.set(user.id, user);
    if (user.phone !== undefined) this.byPhoneMap.set(user.phone, user);
    if (user.username !== undefined) this.byUsernameMap.set(user.username.toLowerCase(), user);
  }
}
