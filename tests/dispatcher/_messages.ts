/** Plain message objects for the dispatcher tests (they satisfy MessageLike). */
import type { ChatKind, MessageLike } from '../../ts/dispatcher/index.js';

export interface TestMessage extends MessageLike {
  kind: 'message';
  id: number;
}

let nextId = 1;

export function msg(
  text: string,
  extra: Partial<TestMessage> & { chatId?: bigint; userId?: bigint; chatType?: ChatKind } = {},
): TestMessage {
  const { chatId = 100n, userId = 7n, chatType = 'private', ...rest } = extra;
  return { kind: 'message', id: nextId++, text, chat: { id: chatId, type: chatType }, sender: { id: userId }, ...rest };
}

/** A promise with its resolve exposed, for deterministic ordering tests. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every queued microtask and promise callback run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
