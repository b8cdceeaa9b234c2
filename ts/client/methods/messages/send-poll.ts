/** `sendPoll`: polls and quizzes (https://core.telegram.org/api/poll). */
import { ArgumentError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { type SendExtrasParams, sendInputMedia } from './send-input-media.js';

/** What a poll asks. */
export interface PollParams extends SendExtrasParams {
  question: string;
  /** 2..10 answers. */
  answers: string[];
  /** Let voters pick several answers (not with `quiz`). */
  multipleChoice?: boolean;
  /** Show who voted. */
  publicVoters?: boolean;
  /** A quiz: the index of the one correct answer. */
  correctAnswer?: number;
  /** A quiz's explanation, shown after answering. */
  solution?: string;
}

/**
 * Sends a poll, or a quiz when `correctAnswer` is given. The answers'
 * option bytes are their index as one ASCII digit ('0', '1', ...), which
 * `vote` takes as indexes.
 *
 * @example
 * ```ts
 * const poll = await sendPoll(client, chat, { question: 'Lunch?', answers: ['Pizza', 'Sushi'] });
 * const quiz = await sendPoll(client, chat, { question: '2 + 2?', answers: ['3', '4'], correctAnswer: 1, solution: 'basic maths' });
 * ```
 * @throws RpcError POLL_ANSWERS_INVALID, POLL_QUESTION_INVALID, QUIZ_CORRECT_ANSWER_INVALID
 */
export function sendPoll(client: ClientCore, peer: PeerLike, params: PollParams): Promise<Message> {
  if (params.answers.length > 10) throw new ArgumentError('a poll has at most 10 answers');
  const quiz = params.correctAnswer !== undefined;
  return sendInputMedia(
    client,
    peer,
    {
      _: 'inputMediaPoll',
      poll: {
        _: 'poll',
        id: 0n,
        hash: 0n,
        question: { _: 'textWithEntities', text: params.question, entities: [] },
        answers: params.answers.map((text, i) => ({
          _: 'pollAnswer',
          text: { _: 'textWithEntities', text, entities: [] },
          option: pollOption(i),
        })),
        ...(params.multipleChoice && { multiple_choice: true }),
        ...(params.publicVoters && { public_voters: true }),
        ...(quiz && { quiz: true }),
      },
      ...(quiz && { correct_answers: [params.correctAnswer!] }),
      ...(params.solution !== undefined && { solution: params.solution, solution_entities: [] }),
    },
    params,
  );
}

/** The option bytes this library gives answer `index` (ASCII digits from '0'). */
export function pollOption(index: number): Uint8Array {
  return new Uint8Array([48 + index]);
}
