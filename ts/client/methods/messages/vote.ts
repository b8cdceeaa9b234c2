/** `vote` (https://core.telegram.org/method/messages.sendVote). */
import type { PollResults } from '../../../tl/generated/types.js';
import { WasmgramError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { pollResultsOf } from './get-poll-results.js';
import { pollOption } from './send-poll.js';

/**
 * Votes in poll message `id` with the answers at `choices` (indexes, or
 * raw option bytes); an empty list retracts the vote. Returns the results
 * as they are after the vote.
 *
 * @example
 * ```ts
 * const results = await vote(client, chat, poll.id, [1]);
 * ```
 * @throws RpcError MESSAGE_POLL_CLOSED, OPTION_INVALID, REVOTE_NOT_ALLOWED (quizzes)
 */
export async function vote(client: ClientCore, peer: PeerLike, id: number, choices: (number | Uint8Array)[]): Promise<PollResults> {
  const input = await resolvePeer(client, peer);
  const options = choices.map((c) => (typeof c === 'number' ? pollOption(c) : c));
  const res = await client.invoke({ _: 'messages.sendVote', peer: input, msg_id: id, options });
  const r = pollResultsOf(res);
  if (!r) throw new WasmgramError('messages.sendVote: the answer has no updateMessagePoll');
  return r;
}
