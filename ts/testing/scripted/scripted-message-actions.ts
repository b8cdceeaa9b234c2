/**
 * What a scripted person does to a message someone sent: react to it
 * (`messages.sendReaction`, https://core.telegram.org/api/reactions) and
 * vote in its poll (`messages.sendVote`, https://core.telegram.org/api/poll).
 * `ScriptedUser` exposes these as `react` and `vote`; the bot or client
 * under test then sees `updateMessageReactions` / `updateMessagePoll` as
 * Telegram would send them.
 */
import { ArgumentError } from '../../errors.js';
import type { AnyRequest, InputPeer, Reaction, ResultOf, Updates } from '../../tl/generated/types.js';
import type { StoredMessage } from '../telegram/store/mailbox.js';
import type { PeerRef } from '../telegram/store/peer-ref.js';

/** An emoji (`'👍'`), a custom emoji (`{ customEmojiId }`) or a TL `Reaction`. */
export type ReactionChoice = string | { readonly customEmojiId: bigint } | Reaction;

/** A poll answer: its index (0-based), its text, or its option bytes. */
export type PollChoice = number | string | Uint8Array;

/** The parts of a scripted account these actions use. */
export interface MessageActor {
  readonly id: bigint;
  invoke<R extends AnyRequest>(request: R): Promise<ResultOf<R>>;
  inputPeer(t: PeerRef): InputPeer;
}

function toReaction(r: ReactionChoice): Reaction {
  if (typeof r === 'string') return { _: 'reactionEmoji', emoticon: r };
  if ('customEmojiId' in r) return { _: 'reactionCustomEmoji', document_id: r.customEmojiId };
  return r;
}

/**
 * Sets this account's reactions on `message` (a copy it received or sent):
 * one or several; an empty list takes them back. Rejects with Telegram's
 * error (REACTION_INVALID, MSG_ID_INVALID, ...).
 */
export function react(
  actor: MessageActor,
  message: StoredMessage,
  reactions: ReactionChoice | readonly ReactionChoice[],
  options: { big?: boolean } = {},
): Promise<Updates> {
  const list = (Array.isArray(reactions) ? reactions : [reactions]) as readonly ReactionChoice[];
  return actor.invoke({
    _: 'messages.sendReaction',
    peer: actor.inputPeer(message.peer),
    msg_id: message.id,
    reaction: list.map(toReaction),
    ...(options.big && { big: true }),
  });
}

/**
 * Votes in the poll of `message` (a copy this account received): answers by
 * index, text or option bytes; several for a multiple-choice poll; an empty
 * list retracts the vote. Rejects with ArgumentError when the message has
 * no poll or no such answer, and with Telegram's error otherwise
 * (MESSAGE_POLL_CLOSED, OPTIONS_TOO_MUCH, ...).
 */
export function vote(actor: MessageActor, message: StoredMessage, choices: PollChoice | readonly PollChoice[]): Promise<Updates> {
  const media = message.media?.toMessageMedia(actor.id);
  if (media?._ !== 'messageMediaPoll') throw new ArgumentError(`message ${message.id} has no poll`);
  const answers = media.poll.answers.filter((a) => a._ === 'pollAnswer');
  const list = (Array.isArray(choices) ? choices : [choices]) as readonly PollChoice[];
  const options = list.map((c) => {
    if (c instanceof Uint8Array) return c;
    const a = typeof c === 'number' ? answers[c] : answers.find((x) => x.text.text === c);
    if (!a) throw new ArgumentError(`the poll of message ${message.id} has no answer ${JSON.stringify(c)}`);
    return a.option;
  });
  return actor.invoke({ _: 'messages.sendVote', peer: actor.inputPeer(message.peer), msg_id: message.id, options });
}
