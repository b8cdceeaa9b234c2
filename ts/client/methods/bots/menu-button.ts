/**
 * The bot's menu button (https://core.telegram.org/api/bots/menu): what the
 * button next to the input field does in the bot's chat — the default, the
 * command list, or a Web App — for every user or one user.
 */
import type { BotMenuButton as TlBotMenuButton, InputUser } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolveUser } from '../peers/resolve-peer.js';

/** A menu button: Telegram's default, the command list, or a Web App with its label. */
export type MenuButton =
  | { readonly type: 'default' }
  | { readonly type: 'commands' }
  | { readonly type: 'webApp'; readonly text: string; readonly url: string };

async function userOf(client: ClientCore, user: PeerLike | undefined): Promise<InputUser> {
  return user === undefined ? { _: 'inputUserEmpty' } : resolveUser(client, user);
}

function toTl(b: MenuButton): TlBotMenuButton {
  if (b.type === 'webApp') return { _: 'botMenuButton', text: b.text, url: b.url };
  return b.type === 'commands' ? { _: 'botMenuButtonCommands' } : { _: 'botMenuButtonDefault' };
}

function fromTl(b: TlBotMenuButton): MenuButton {
  if (b._ === 'botMenuButton') return { type: 'webApp', text: b.text, url: b.url };
  return b._ === 'botMenuButtonCommands' ? { type: 'commands' } : { type: 'default' };
}

/**
 * Sets the menu button for every user, or for `user` only.
 *
 * @example
 * ```ts
 * await setBotMenuButton(client, { type: 'webApp', text: 'Shop', url: 'https://shop.example/app' });
 * await setBotMenuButton(client, { type: 'commands' }, { user: 12345n });
 * ```
 * @throws RpcError BUTTON_TEXT_INVALID, BUTTON_URL_INVALID, USER_BOT_REQUIRED
 */
export async function setBotMenuButton(client: ClientCore, button: MenuButton, params: { user?: PeerLike } = {}): Promise<void> {
  await client.invoke({ _: 'bots.setBotMenuButton', user_id: await userOf(client, params.user), button: toTl(button) });
}

/**
 * The menu button `user` sees (or the one for every user).
 *
 * @example
 * ```ts
 * const b = await getBotMenuButton(client, { user: 12345n });
 * if (b.type === 'webApp') console.log(b.url);
 * ```
 */
export async function getBotMenuButton(client: ClientCore, params: { user?: PeerLike } = {}): Promise<MenuButton> {
  return fromTl(await client.invoke({ _: 'bots.getBotMenuButton', user_id: await userOf(client, params.user) }));
}
