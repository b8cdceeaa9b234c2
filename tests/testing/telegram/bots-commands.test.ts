/**
 * Bot commands and the menu button in the in-memory Telegram
 * (https://core.telegram.org/api/bots/commands, https://core.telegram.org/api/bots/menu):
 * stored per bot, scope and language; reset; the checks on names and
 * descriptions; menu buttons per user with the bot-wide default behind them.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BotCommand } from '../../../ts/tl/generated/types.js';
import { rejects } from '../_rpc.js';
import { setup } from './_bots.js';

const cmd = (command: string, description: string): BotCommand => ({ _: 'botCommand', command, description });
const DEFAULT = { _: 'botCommandScopeDefault' } as const;

test('commands are stored per scope and language, and reset', async () => {
  const { bot, alice } = setup();
  await bot.invoke({ _: 'bots.setBotCommands', scope: DEFAULT, lang_code: '', commands: [cmd('start', 'Start'), cmd('help', 'Help')] });
  await bot.invoke({ _: 'bots.setBotCommands', scope: DEFAULT, lang_code: 'de', commands: [cmd('start', 'Los')] });
  const peer = { _: 'botCommandScopePeer' as const, peer: bot.inputPeer(alice) };
  await bot.invoke({ _: 'bots.setBotCommands', scope: peer, lang_code: '', commands: [cmd('vip', 'Just for Alice')] });
  assert.equal(await bot.invoke({ _: 'bots.getBotCommands', scope: DEFAULT, lang_code: '' }), [cmd('start', 'Start'), cmd('help', 'Help')]);
  assert.equal(await bot.invoke({ _: 'bots.getBotCommands', scope: DEFAULT, lang_code: 'de' }), [cmd('start', 'Los')]);
  assert.equal(await bot.invoke({ _: 'bots.getBotCommands', scope: peer, lang_code: '' }), [cmd('vip', 'Just for Alice')]);
  assert.equal(await bot.invoke({ _: 'bots.getBotCommands', scope: { _: 'botCommandScopeChats' }, lang_code: '' }), []);
  await bot.invoke({ _: 'bots.resetBotCommands', scope: DEFAULT, lang_code: 'de' });
  assert.equal(await bot.invoke({ _: 'bots.getBotCommands', scope: DEFAULT, lang_code: 'de' }), []);
  assert.equal((await bot.invoke({ _: 'bots.getBotCommands', scope: DEFAULT, lang_code: '' })).length, 2);
});

test('command errors: BOT_COMMAND_INVALID, BOT_COMMAND_DESCRIPTION_INVALID, LANG_CODE_INVALID, USER_BOT_REQUIRED, PEER_ID_INVALID', async () => {
  const { bot, alice } = setup();
  const set = (commands: BotCommand[], lang_code = '') => bot.invoke({ _: 'bots.setBotCommands', scope: DEFAULT, lang_code, commands });
  await rejects(set([cmd('Start', 'x')]), 400, 'BOT_COMMAND_INVALID');
  await rejects(set([cmd('a'.repeat(33), 'x')]), 400, 'BOT_COMMAND_INVALID');
  await rejects(set([cmd('a', 'x'), cmd('a', 'y')]), 400, 'BOT_COMMAND_INVALID');
  await rejects(set([cmd('a', '')]), 400, 'BOT_COMMAND_DESCRIPTION_INVALID');
  await rejects(set([cmd('a', 'x'.repeat(257))]), 400, 'BOT_COMMAND_DESCRIPTION_INVALID');
  await rejects(set([cmd('a', 'x')], 'english'), 400, 'LANG_CODE_INVALID');
  await rejects(alice.invoke({ _: 'bots.getBotCommands', scope: DEFAULT, lang_code: '' }), 400, 'USER_BOT_REQUIRED');
  await rejects(
    bot.invoke({
      _: 'bots.setBotCommands',
      scope: { _: 'botCommandScopePeer', peer: { _: 'inputPeerUser', user_id: 1n, access_hash: 1n } },
      lang_code: '',
      commands: [cmd('a', 'x')],
    }),
    400,
    'PEER_ID_INVALID',
  );
});

test('menu button: a default for everyone, one user overridden, botMenuButtonDefault clears; bad buttons refused', async () => {
  const { bot, alice, world } = setup();
  const bob = world.user({ firstName: 'Bob' });
  const everyone = { _: 'inputUserEmpty' as const };
  assert.equal(await bot.invoke({ _: 'bots.getBotMenuButton', user_id: bot.inputUser(alice) }), { _: 'botMenuButtonDefault' });
  await bot.invoke({ _: 'bots.setBotMenuButton', user_id: everyone, button: { _: 'botMenuButtonCommands' } });
  const app = { _: 'botMenuButton' as const, text: 'Open', url: 'https://app.example/alice' };
  await bot.invoke({ _: 'bots.setBotMenuButton', user_id: bot.inputUser(alice), button: app });
  assert.equal(await bot.invoke({ _: 'bots.getBotMenuButton', user_id: bot.inputUser(alice) }), app);
  assert.equal(await bot.invoke({ _: 'bots.getBotMenuButton', user_id: bot.inputUser(bob) }), { _: 'botMenuButtonCommands' });
  await bot.invoke({ _: 'bots.setBotMenuButton', user_id: bot.inputUser(alice), button: { _: 'botMenuButtonDefault' } });
  assert.equal(await bot.invoke({ _: 'bots.getBotMenuButton', user_id: bot.inputUser(alice) }), { _: 'botMenuButtonCommands' });
  await rejects(
    bot.invoke({ _: 'bots.setBotMenuButton', user_id: everyone, button: { _: 'botMenuButton', text: 'x', url: 'http://insecure' } }),
    400,
    'BUTTON_URL_INVALID',
  );
  await rejects(
    bot.invoke({ _: 'bots.setBotMenuButton', user_id: everyone, button: { _: 'botMenuButton', text: '', url: 'https://a.b' } }),
    400,
    'BUTTON_TEXT_INVALID',
  );
  await rejects(alice.invoke({ _: 'bots.getBotMenuButton', user_id: everyone }), 400, 'USER_BOT_REQUIRED');
});

test("users.getFullUser shows a user the bot's commands for their chat and language, and its menu button", async () => {
  const { bot, alice, world, botUser } = setup();
  const bob = world.user({ firstName: 'Bob' });
  const full = async (who: typeof alice) => (await who.invoke({ _: 'users.getFullUser', id: who.inputUser(botUser) })).full_user.bot_info!;
  assert.equal((await full(alice)).commands, []);
  await bot.invoke({ _: 'bots.setBotCommands', scope: DEFAULT, lang_code: '', commands: [cmd('start', 'Start')] });
  await bot.invoke({ _: 'bots.setBotCommands', scope: DEFAULT, lang_code: 'en', commands: [cmd('start', 'Start (en)')] });
  // Scripted users announce lang_code 'en' in initConnection.
  assert.equal((await full(alice)).commands, [cmd('start', 'Start (en)')]);
  const peer = { _: 'botCommandScopePeer' as const, peer: bot.inputPeer(alice) };
  await bot.invoke({ _: 'bots.setBotCommands', scope: peer, lang_code: '', commands: [cmd('vip', 'VIP')] });
  assert.equal((await full(alice)).commands, [cmd('vip', 'VIP')], 'the chat scope wins');
  assert.equal((await full(bob)).commands, [cmd('start', 'Start (en)')]);
  await bot.invoke({ _: 'bots.setBotMenuButton', user_id: { _: 'inputUserEmpty' }, button: { _: 'botMenuButtonCommands' } });
  assert.equal((await full(bob)).menu_button, { _: 'botMenuButtonCommands' });
});

test.run();
