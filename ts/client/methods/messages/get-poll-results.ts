/** `getPollResults` (https://core.telegram.org/method/messages.getPollResults). */
import { WasmgramError } from '../../../errors.js';
import type { PollResults, Updates } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** The `results` of the first `updateMessagePoll` in `u`. */
export function pollResultsOf(u: Updates): PollResults | undefined {
  const list = u._ === 'updates' || u._ === 'updatesCombined' ? u.updates : u._ === 'updateShort' ? [u.update] : [];
  for (const x of list) if (x._ === 'updateMessagePoll') return x.results;
  return undefined;
}

/**
 * The current results of poll message `id` (`chosen` marks the caller's
 * answers; a quiz shows `correct` and the solution once answered).
 *
 * @example
 * ```ts
 * const r = await getPollResults(client, chat, poll.id);
 * console.log(r._ === 'pollResults' ? r.total_voters : 0);
 * ```
 */
export async function getPollResults(client: ClientCore, peer: PeerLike, id: number): Promise<PollResults> {
  const input = await resolvePeer(client, peer);
  const res = await client.invoke({ _: 'messages.getPollResults', peer: input, msg_id: id, poll_hash: 0n });
  const r = pollResultsOf(res);
  if (!r) throw new WasmgramError('messages.getPollResults: the answer has no updateMessagePoll');
  return r;
}
