/**
 * Bot commands (https://core.telegram.org/api/bots/commands): `setBotCommands`,
 * `getBotCommands`, `resetBotCommands` — the `/command` list the apps show,
 * per scope (everyone, all private chats, all groups, their admins, one chat,
 * its admins, one member of a chat) and language.
 */
import { ArgumentError } from '../../../errors.js';
import type { BotCommand, BotCommandScope } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer, resolveUser } from '../peers/resolve-peer.js';

/** Who sees a command list (the Bot API's scopes, https://core.telegram.org/bots/api#botcommandscope). */
export type CommandScope =
  | 'default'
  | 'allPrivateChats'
  | 'allGroupChats'
  | 'allChatAdministrators'
  | { readonly chat: PeerLike; readonly user?: PeerLike }
  | { readonly chatAdministrators: PeerLike };

/** A command without the leading `/` and what it does (1..256 characters). */
export interface CommandInfo {
  readonly command: string;
  readonly description: string;
}

/** Options shared by the command methods. */
export interface BotCommandsParams {
  /** Who sees the list (default: everyone). */
  scope?: CommandScope;
  /** Two-letter ISO 639-1 code; '' (default) for users whose language has no list of its own. */
  langCode?: string;
}

/** The TL scope of `scope`. */
export async function toCommandScope(client: ClientCore, scope: CommandScope = 'default'): Promise<BotCommandScope> {
  switch (scope) {
    case 'default':
      return { _: 'botCommandScopeDefault' };
    case 'allPrivateChats':
      return { _: 'botCommandScopeUsers' };
    case 'allGroupChats':
      return { _: 'botCommandScopeChats' };
    case 'allChatAdministrators':
      return { _: 'botCommandScopeChatAdmins' };
  }
  if ('chatAdministrators' in scope) return { _: 'botCommandScopePeerAdmins', peer: await resolvePeer(client, scope.chatAdministrators) };
  const peer = await resolvePeer(client, scope.chat);
  if (scope.user === undefined) return { _: 'botCommandScopePeer', peer };
  return { _: 'botCommandScopePeerUser', peer, user_id: await resolveUser(client, scope.user) };
}

function commandsOf(list: readonly CommandInfo[]): BotCommand[] {
  return list.map((c) => {
    const command = c.command.replace(/^\//, '');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ArgumentError(`a command is 1..32 of a-z, 0-9 and _, got "${c.command}"`);
    return { _: 'botCommand', command, description: c.description };
  });
}

/**
 * Sets the bot's command list for a scope and language (an empty list deletes it).
 *
 * @example
 * ```ts
 * await setBotCommands(client, [{ command: 'start', description: 'Start over' }, { command: 'help', description: 'How to use me' }]);
 * await setBotCommands(client, [{ command: 'ban', description: 'Ban a user' }], { scope: 'allChatAdministrators', langCode: 'en' });
 * ```
 * @throws RpcError BOT_COMMAND_INVALID, BOT_COMMAND_DESCRIPTION_INVALID, LANG_CODE_INVALID, USER_BOT_REQUIRED
 */
export async function setBotCommands(client: ClientCore, commands: readonly CommandInfo[], params: BotCommandsParams = {}): Promise<void> {
  await client.invoke({
    _: 'bots.setBotCommands',
    scope: await toCommandScope(client, params.scope),
    lang_code: params.langCode ?? '',
    commands: commandsOf(commands),
  });
}

/**
 * The bot's command list for exactly this scope and language (empty when none is set).
 *
 * @example
 * ```ts
 * const list = await getBotCommands(client, { scope: 'allPrivateChats' });
 * ```
 */
export async function getBotCommands(client: ClientCore, params: BotCommandsParams = {}): Promise<CommandInfo[]> {
  const list = await client.invoke({
    _: 'bots.getBotCommands',
    scope: await toCommandScope(client, params.scope),
    lang_code: params.langCode ?? '',
  });
  return list.map((c) => ({ command: c.command, description: c.description }));
}

/**
 * Deletes the bot's command list for a scope and language (users then see the next broader scope's list).
 *
 * @example
 * ```ts
 * await resetBotCommands(client, { scope: { chat: '@my_group' } });
 * ```
 */
export async function resetBotCommands(client: ClientCore, params: BotCommandsParams = {}): Promise<void> {
  await client.invoke({ _: 'bots.resetBotCommands', scope: await toCommandScope(client, params.scope), lang_code: params.langCode ?? '' });
}
