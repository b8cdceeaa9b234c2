/**
 * The README's echo bot, runnable offline: starts wasmgram's test server on
 * loopback, registers a bot there, runs the bot exactly as the README shows
 * (a dispatcher bound to the client, FSM state in memory), then a scripted
 * user talks to it and the bot's answers are printed.
 * Run: `node --import tsx examples/echo-bot.ts`.
 */
import { TelegramClient } from '../ts/client/index.js';
import { and, command, dispatcherFor, text } from '../ts/dispatcher/index.js';
import { MemoryStateStorage } from '../ts/fsm/index.js';
import { ScriptedWorld, TestServer } from '../ts/testing/index.js';

const testServer = await TestServer.start({ dcs: [1, 2, 3] }); // against Telegram: leave testServer out
const world = new ScriptedWorld(testServer.backend);
const { token: botToken, user: botAccount } = world.bot({ username: 'echo_demo_bot' });

// --- the README snippet ---
type States = { echoing: { count: number } };
const bot = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
const dp = dispatcherFor<States>(bot, { storage: new MemoryStateStorage() });
dp.onNewMessage(command('start'), async (msg, ctx) => {
  await ctx.state.set('echoing', { count: 0 });
  await msg.answer('Send me anything; /stop ends.');
});
dp.onNewMessage(and(command('stop'), dp.state('echoing')), async (msg, ctx) => {
  const { count } = ctx.state.current.data;
  await ctx.state.clear();
  await msg.answer(`Echoed ${count} messages. Bye!`);
});
dp.onNewMessage(and(text, dp.state('echoing')), async (msg, ctx) => {
  await ctx.state.set('echoing', { count: ctx.state.current.data.count + 1 });
  await msg.reply(msg.text);
});
await bot.start({ botToken });
// ---

// A scripted user talks to the bot; each answer is printed.
const alice = world.user({ firstName: 'Alice' });
for (const line of ['/start', 'hello', 'how are you?', '/stop']) {
  await alice.sendMessage(botAccount, line);
  const answer = await alice.waitForMessage({ from: botAccount, timeoutMs: 5000 });
  console.log(`${line} -> ${answer.text}`);
}
await bot.close();
world.close();
await testServer.stop();
