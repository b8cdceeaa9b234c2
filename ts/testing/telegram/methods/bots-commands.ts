/**
 * Bot commands and the menu button, stored per bot
 * (https://core.telegram.org/api/bots/commands, https://core.telegram.org/api/bots/menu):
 * `bots.setBotCommands` / `getBotCommands` / `resetBotCommands` for a scope
 * (default, all private chats, all groups, all group admins, one chat, its
 * admins, one member) and a language (`''` or a two-letter code), and
 * `bots.setBotMenuButton` / `getBotMenuButton` for every user or one user.
 */
import type { BotCommand, BotCommandScope, BotMenuButton } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { peerKey } from '../store/peer-ref.js';
import { botStore } from './bots-store.js';
import { checkBot } from './callback-queries.js';
import { resolvePeer, resolveUser } from './peers.js';

/** Most commands per scope and language (https://core.telegram.org/bots/api#setmycommands). */
const BOT_COMMANDS_MAX = 100;
const COMMAND_RE = /^[a-z0-9_]{1,32}$/;
const DESCRIPTION_MAX = 256;
const MENU_TEXT_MAX = 64;

/** The store key of a scope (peers resolved as the bot sees them). */
function scopeKey(call: MethodCall, scope: BotCommandScope): string {
  switch (scope._) {
    case 'botCommandScopeDefault':
      return 'default';
    case 'botCommandScopeUsers':
      return 'users';
    case 'botCommandScopeChats':
      return 'chats';
    case 'botCommandScopeChatAdmins':
      return 'chat_admins';
    case 'botCommandScopePeer':
      return `peer:${peerKey(resolvePeer(call, scope.peer))}`;
    case 'botCommandScopePeerAdmins':
      return `peer_admins:${peerKey(resolvePeer(call, scope.peer))}`;
    case 'botCommandScopePeerUser':
      return `peer_user:${peerKey(resolvePeer(call, scope.peer))}:${resolveUser(call, scope.user_id).id}`;
  }
}

function checkLang(lang: string): void {
  if (lang !== '' && !/^[a-z]{2}$/.test(lang)) throw badRequest('LANG_CODE_INVALID');
}

function checkCommands(list: readonly BotCommand[]): void {
  if (list.length > BOT_COMMANDS_MAX) throw badRequest('BOT_COMMAND_INVALID');
  const seen = new Set<string>();
  for (const c of list) {
    if (!COMMAND_RE.test(c.command) || seen.has(c.command)) throw badRequest('BOT_COMMAND_INVALID');
    seen.add(c.command);
    if (c.description.trim() === '' || c.description.length > DESCRIPTION_MAX) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
  }
}

function checkMenuButton(b: BotMenuButton): void {
  if (b._ !== 'botMenuButton') return;
  if (b.text.trim() === '' || b.text.length > MENU_TEXT_MAX) throw badRequest('BUTTON_TEXT_INVALID');
  if (!/^https:\/\/[^\s/]+\S*$/i.test(b.url)) throw badRequest('BUTTON_URL_INVALID');
}

/** `bots.setBotCommands`, `bots.getBotCommands`, `bots.resetBotCommands`, `bots.setBotMenuButton`, `bots.getBotMenuButton`. */
export const botsCommandMethods: MethodTable = {
  'bots.setBotCommands': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      checkLang(req.lang_code);
      checkCommands(req.commands);
      botStore(call.backend).setCommands(
        botId,
        scopeKey(call, req.scope),
        req.lang_code,
        req.commands.map((c) => ({ _: 'botCommand', command: c.command, description: c.description })),
      );
      return true;
    },
  },
  'bots.getBotCommands': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      checkLang(req.lang_code);
      return botStore(call.backend).commands(botId, scopeKey(call, req.scope), req.lang_code) ?? [];
    },
  },
  'bots.resetBotCommands': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      checkLang(req.lang_code);
      botStore(call.backend).setCommands(botId, scopeKey(call, req.scope), req.lang_code, []);
      return true;
    },
  },
  'bots.setBotMenuButton': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      checkMenuButton(req.button);
      const userId = req.user_id._ === 'inputUserEmpty' ? undefined : resolveUser(call, req.user_id).id;
      botStore(call.backend).setMenuButton(botId, userId, req.button);
      return true;
    },
  },
  'bots.getBotMenuButton': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      const store = botStore(call.backend);
      const userId = req.user_id._ === 'inputUserEmpty' ? undefined : resolveUser(call, req.user_id).id;
      return (
        (userId !== undefined ? store.menuButton(botId, userId) : undefined) ??
        store.menuButton(botId, undefined) ?? { _: 'botMenuButtonDefault' }
      );
    },
  },
};
