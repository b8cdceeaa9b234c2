/**
 * Scripted-user actions on invite links (https://core.telegram.org/api/invites):
 * join a group or channel by its link, or ask to join one whose link needs
 * an admin's approval — what a bot that handles join requests is tested with.
 */
import { RpcError } from '../../errors.js';
import type { AnyRequest, ResultOf } from '../../tl/generated/types.js';
import type { TelegramBackend } from '../telegram/backend.js';
import type { ChatRecord } from '../telegram/store/chat-store.js';
import { inviteHashOf, inviteStore } from '../telegram/methods/invite-store.js';
import { ArgumentError } from '../../errors.js';

/** What the actions need of a scripted user. */
export interface ChatActor {
  readonly id: bigint;
  invoke<R extends AnyRequest>(request: R): Promise<ResultOf<R>>;
}

/** Joins through an invite link (`https://t.me/+HASH` or the hash) and returns the chat. */
export async function joinByLink(backend: TelegramBackend, actor: ChatActor, link: string): Promise<ChatRecord> {
  const hash = inviteHashOf(link);
  await actor.invoke({ _: 'messages.importChatInvite', hash });
  const rec = inviteStore(backend).get(hash);
  if (!rec) throw new ArgumentError(`no invite link ${link}`);
  return rec.chat;
}

/**
 * Sends a join request through a link that needs approval; resolves when
 * the request is recorded (Telegram answers INVITE_REQUEST_SENT), rejects
 * with the RpcError otherwise — and with ArgumentError when the link let
 * the user straight in.
 */
export async function requestToJoin(actor: ChatActor, link: string): Promise<void> {
  try {
    await actor.invoke({ _: 'messages.importChatInvite', hash: inviteHashOf(link) });
  } catch (e) {
    if (e instanceof RpcError && e.text === 'INVITE_REQUEST_SENT') return;
    throw e;
  }
  throw new ArgumentError(`${link} needs no approval: the user joined`);
}
