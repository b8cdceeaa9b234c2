/**
 * Support for the bot tests of the in-memory Telegram: a backend with a
 * manual clock and seeded randomness, scripted accounts, and a listener
 * session that collects the raw updates one account is pushed.
 */
import { ScriptedWorld } from '../../../ts/testing/scripted/index.js';
import { botStore, manualClock, seededRandom, TelegramBackend } from '../../../ts/testing/telegram/index.js';
import type { Update, Updates } from '../../../ts/tl/generated/types.js';

const T0 = 1_700_000_000;

/** A backend, a world, a person (Alice) and a bot (@menu_bot) with short answer deadlines. */
export function setup(answerTimeoutMs = 2000) {
  const clock = manualClock(T0);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(12) });
  botStore(backend).answerTimeoutMs = answerTimeoutMs;
  const world = new ScriptedWorld(backend);
  const alice = world.user({ firstName: 'Alice' });
  const { bot, user: botUser } = world.bot({ username: 'menu_bot' });
  const botUpdates = listen(backend, botUser.id);
  return { clock, backend, world, alice, bot, botUser, botUpdates };
}

/** The updates pushed to another session of `userId`, and a wait for the next one of a kind. */
function listen(backend: TelegramBackend, userId: bigint) {
  const got: Update[] = [];
  const ctx = backend.connect(2, {
    authKeyId: 0xb07n + userId,
    onUpdates: (u: Updates) => {
      if (u._ === 'updates') got.push(...u.updates);
      else if (u._ === 'updateShort') got.push(u.update);
    },
  });
  backend.authorize(2, ctx.authKeyId, userId);
  (ctx as unknown as { subscribed: boolean }).subscribed = true;
  return {
    got,
    /** Takes the first collected update of constructor `kind`, waiting up to `ms`. */
    async next<K extends Update['_']>(kind: K, ms = 2000): Promise<Extract<Update, { _: K }>> {
      const deadline = Date.now() + ms;
      for (;;) {
        const i = got.findIndex((u) => u._ === kind);
        if (i >= 0) return got.splice(i, 1)[0] as Extract<Update, { _: K }>;
        if (Date.now() > deadline) throw new Error(`no ${kind} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
  };
}

/** UTF-8 bytes. */
export const bytes = (s: string) => new TextEncoder().encode(s);
