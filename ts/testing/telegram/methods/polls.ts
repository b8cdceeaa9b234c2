/**
 * Polls and quizzes (https://core.telegram.org/api/poll): `inputMediaPoll`
 * becomes a stored poll (its media renders the results as each viewer sees
 * them: `chosen`, and for quizzes `correct` once the viewer voted),
 * `messages.sendVote` records or retracts a vote and sends
 * `updateMessagePoll` to every member, `messages.getPollResults` answers
 * with the same update.
 */
import type {
  InputMedia,
  MessageEntity,
  MessageMedia,
  Poll,
  PollAnswer,
  PollAnswerVoters,
  PollResults,
  Update,
} from '../../../tl/generated/types.js';
import { container } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import { tlPeer } from '../store/peer-ref.js';
import { caller, findMessage } from './messages-send.js';
import { checkReadable, resolvePeer } from './peers.js';
import { pushToAudience } from './reactions.js';

/** Telegram's limits (https://core.telegram.org/constructor/poll): 2..10 answers, 255-char question, 100-char answers. */
const MIN_ANSWERS = 2;
const MAX_ANSWERS = 10;
const QUESTION_MAX = 255;
const ANSWER_MAX = 100;
const SOLUTION_MAX = 200;

/** A stored poll: the TL `poll`, the correct options of a quiz, and each voter's options. */
export class StoredPoll {
  readonly votes = new Map<bigint, Uint8Array[]>();

  constructor(
    readonly poll: Omit<Poll.poll, 'answers'> & { answers: PollAnswer.pollAnswer[] },
    readonly correct: readonly Uint8Array[],
    readonly solution: { text: string; entities: MessageEntity[] } | undefined,
  ) {}

  /** The `pollResults` `viewer` sees. */
  results(viewer: bigint | undefined): PollResults {
    const mine = viewer === undefined ? undefined : this.votes.get(viewer);
    const list: PollAnswerVoters[] = this.poll.answers.map((a) => {
      let n = 0;
      for (const v of this.votes.values()) if (v.some((o) => same(o, a.option))) n++;
      const r: PollAnswerVoters = { _: 'pollAnswerVoters', option: a.option, voters: n, recent_voters: [] };
      if (mine?.some((o) => same(o, a.option))) r.chosen = true;
      // A quiz shows the right answer only to those who answered (or once closed).
      if ((mine || this.poll.closed) && this.correct.some((o) => same(o, a.option))) r.correct = true;
      return r;
    });
    const out: PollResults.pollResults = { _: 'pollResults', results: list, total_voters: this.votes.size };
    if (this.poll.public_voters) {
      out.recent_voters = [...this.votes.keys()].slice(-3).map((id) => ({ _: 'peerUser' as const, user_id: id }));
    }
    if (this.solution && (mine || this.poll.closed)) {
      out.solution = this.solution.text;
      out.solution_entities = this.solution.entities;
    }
    return out;
  }

  /** The message media of the poll for `viewer`. */
  toMessageMedia(viewer?: bigint): MessageMedia {
    return { _: 'messageMediaPoll', poll: this.poll, results: this.results(viewer) };
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Checks an `inputMediaPoll` and makes the stored poll (https://core.telegram.org/constructor/inputMediaPoll). */
export function newPoll(call: MethodCall, media: InputMedia.inputMediaPoll): StoredPoll {
  const p = media.poll;
  if (p._ !== 'poll') throw badRequest('POLL_INVALID');
  const q = p.question.text.trim();
  if (q === '' || q.length > QUESTION_MAX) throw badRequest('POLL_QUESTION_INVALID');
  if (p.answers.length < MIN_ANSWERS || p.answers.length > MAX_ANSWERS) throw badRequest('POLL_ANSWERS_INVALID');
  const seen = new Set<string>();
  // Answers sent as inputPollAnswer get their option bytes from the server (their index).
  const answers: PollAnswer.pollAnswer[] = p.answers.map((a, i) =>
    a._ === 'pollAnswer' ? a : { _: 'pollAnswer', text: a.text, option: new Uint8Array([48 + i]) },
  );
  for (const a of answers) {
    if (a.text.text.trim() === '' || a.text.text.length > ANSWER_MAX) throw badRequest('POLL_ANSWER_INVALID');
    if (a.option.length === 0 || a.option.length > 100) throw badRequest('POLL_OPTION_INVALID');
    const k = Buffer.from(a.option).toString('hex');
    if (seen.has(k)) throw badRequest('POLL_OPTION_DUPLICATE');
    seen.add(k);
  }
  const correct = (media.correct_answers ?? []).map((i) => {
    const a = answers[i];
    if (!a) throw badRequest('QUIZ_CORRECT_ANSWER_INVALID');
    return a.option;
  });
  if (p.quiz) {
    if (correct.length !== 1) throw badRequest('QUIZ_CORRECT_ANSWERS_EMPTY');
    if (p.multiple_choice) throw badRequest('QUIZ_MULTIPLE_INVALID');
  } else if (correct.length > 0) throw badRequest('QUIZ_CORRECT_ANSWERS_TOO_MUCH');
  if (media.solution !== undefined && media.solution.length > SOLUTION_MAX) throw badRequest('POLL_SOLUTION_INVALID');
  const id = new DataView(call.backend.randomBytes(8).buffer).getBigInt64(0, true);
  // The server owns the poll's id and hash; everything else is what the author sent.
  const poll = { ...p, id, hash: 0n, answers };
  const solution = media.solution === undefined ? undefined : { text: media.solution, entities: media.solution_entities ?? [] };
  return new StoredPoll(poll, correct, solution);
}

function pollMessage(
  call: MethodCall,
  peerInput: Parameters<typeof resolvePeer>[1],
  msgId: number,
): { m: StoredMessage; poll: StoredPoll } {
  const peer = resolvePeer(call, peerInput);
  checkReadable(call, peer);
  const m = findMessage(call, peer, msgId);
  if (!(m.media instanceof StoredPoll)) throw badRequest('MESSAGE_ID_INVALID');
  return { m, poll: m.media };
}

function pollUpdate(viewer: bigint, copy: StoredMessage, poll: StoredPoll): Update {
  return {
    _: 'updateMessagePoll',
    peer: tlPeer(copy.peer),
    msg_id: copy.id,
    poll_id: poll.poll.id,
    poll: poll.poll,
    results: poll.results(viewer),
  };
}

/** `messages.sendVote`, `messages.getPollResults`. */
export const pollsMethods: MethodTable = {
  'messages.sendVote': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { m, poll } = pollMessage(call, req.peer, req.msg_id);
      if (poll.poll.closed) throw badRequest('MESSAGE_POLL_CLOSED');
      const options = req.options;
      for (const o of options) if (!poll.poll.answers.some((a) => same(a.option, o))) throw badRequest('OPTION_INVALID');
      if (options.length > 1 && !poll.poll.multiple_choice) throw badRequest('OPTIONS_TOO_MUCH');
      if (poll.votes.has(me) && (poll.poll.quiz || poll.poll.revoting_disabled)) throw badRequest('REVOTE_NOT_ALLOWED');
      // An empty list retracts the vote (https://core.telegram.org/method/messages.sendVote).
      if (options.length === 0) poll.votes.delete(me);
      else poll.votes.set(me, [...options]);
      const own = pushToAudience(call.backend, me, m, (viewer, copy) => pollUpdate(viewer, copy, poll), caller(call));
      return container(call.backend, me, own ? [own] : [], [m.peer]);
    },
  },
  'messages.getPollResults': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const { m, poll } = pollMessage(call, req.peer, req.msg_id);
      return container(call.backend, me, [pollUpdate(me, m, poll)], [m.peer]);
    },
  },
};
