/**
 * The scripted-user API: make users, bots, groups and channels of the
 * in-memory Telegram from test code, act as them, and await what your
 * client or bot sent them — a bot written with wasmgram tested offline in a
 * few lines.
 *
 * @example
 * ```ts
 * const server = await TestServer.start();
 * const world = new ScriptedWorld(server.backend);
 * const { token } = world.bot({ username: 'echo_bot' });
 * const alice = world.user({ firstName: 'Alice' });
 * // ... start your bot with `token` against `server` ...
 * await alice.sendMessage(world.find('echo_bot'), 'hello');
 * const echo = await alice.waitForMessage({ from: world.find('echo_bot'), timeoutMs: 3000 });
 * ```
 */
import type { TelegramBackend } from '../telegram/backend.js';
import type { UserRecord } from '../telegram/user-store.js';
import { ScriptedUser } from './scripted-user.js';
import { ArgumentError } from '../../errors.js';

/** What `world.user()` takes; everything is optional. */
export interface ScriptedUserInput {
  firstName?: string;
  lastName?: string;
  username?: string;
  /** A test number `99966XYYYY`; default: the next free one on `dcId`. */
  phone?: string;
  /** Home DC when no phone is given (default 2, or 1 with a single DC). */
  dcId?: number;
}

/** What `world.bot()` takes. */
export interface ScriptedBotInput {
  /** Must end in `bot`. */
  username: string;
  firstName?: string;
  token?: string;
  dcId?: number;
}

/** Builds and drives scripted accounts on one backend. */
export class ScriptedWorld {
  private readonly scripted: ScriptedUser[] = [];
  private nextPhone = 9000;

  constructor(readonly backend: TelegramBackend) {}

  /** Registers a user and returns it as a scripted account. */
  user(input: ScriptedUserInput = {}): ScriptedUser {
    const dc = input.dcId ?? (this.backend.dcs.count >= 2 ? 2 : 1);
    let phone = input.phone;
    while (phone === undefined) {
      const candidate = `99966${dc}${String(this.nextPhone++).padStart(4, '0')}`;
      if (!this.backend.users.byPhone(candidate)) phone = candidate;
    }
    const u = this.backend.addUser({
      phone,
      firstName: input.firstName ?? `User${phone.slice(-4)}`,
      ...(input.lastName !== undefined && { lastName: input.lastName }),
      ...(input.username !== undefined && { username: input.username }),
    });
    return this.as(u);
  }

  /**
   * Registers a bot; `token` logs a wasmgram client in as it
   * (`client.start({ botToken })`), `bot` drives it from the test instead.
   */
  bot(input: ScriptedBotInput): { token: string; user: UserRecord; bot: ScriptedUser } {
    const { user, token } = this.backend.addBot({
      username: input.username,
      ...(input.firstName !== undefined && { firstName: input.firstName }),
      ...(input.token !== undefined && { token: input.token }),
      ...(input.dcId !== undefined && { dcId: input.dcId }),
    });
    return { token, user, bot: this.as(user) };
  }

  /** Acts as an existing account (e.g. one a client signed up). */
  as(user: UserRecord | bigint): ScriptedUser {
    const u = typeof user === 'bigint' ? this.backend.users.get(user) : user;
    if (!u) throw new ArgumentError(`no user ${user}`);
    const s = new ScriptedUser(this.backend, u);
    this.scripted.push(s);
    return s;
  }

  /** The account with `username` (with or without `@`). */
  find(username: string): UserRecord {
    const u = this.backend.users.byUsername(username.replace(/^@/, ''));
    if (!u) throw new ArgumentError(`no account @${username}`);
    return u;
  }

  /** Stops every scripted account's update delivery. */
  close(): void {
    for (const s of this.scripted) s.close();
  }
}
