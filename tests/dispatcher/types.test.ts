/**
 * Type-level tests: tsc checks this file in `npm test` (the type-check step),
 * so every `@ts-expect-error` line must be an error and every other line must
 * not. The runtime part only makes sure the file also runs.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { and, command, Dispatcher, guard, inState, kind, not, or, regex, reply, text } from '../../ts/dispatcher/index.js';
import { defineStates, MemoryStateStorage, StateHandle } from '../../ts/fsm/index.js';
import type { TestMessage } from './_messages.js';

type States = {
  // biome-ignore lint/complexity/noBannedTypes: `{}` is how users write a state without data
  idle: {};
  askName: { attempts?: number };
  askAge: { name: string };
};

interface Click {
  kind: 'click';
  data: string;
  chat: { id: bigint; type: 'private' };
}
type Update = TestMessage | Click;

function typeChecks(): void {
  const storage = new MemoryStateStorage();
  const state = new StateHandle<States>(storage, 'k');
  void state.set('askAge', { name: 'Ann' });
  void state.set('idle'); // no data needed for an empty state
  // @ts-expect-error unknown state name
  void state.set('askAgee', { name: 'Ann' });
  // @ts-expect-error data of the wrong shape
  void state.set('askAge', { name: 42 });
  // @ts-expect-error data missing for a state that has some
  void state.set('askAge');
  // @ts-expect-error names outside the map are refused by defineStates' list too
  defineStates<States>(['idle', 'nope']);

  const dp = new Dispatcher<TestMessage, States>({ storage });
  dp.on(text, (m) => {
    const s: string = m.text;
    void s;
  });
  dp.on(command('start'), (_m, ctx) => {
    const args: string[] = ctx.command.args;
    void args;
  });
  dp.on(text, (_m, ctx) => {
    // @ts-expect-error no command filter: ctx.command does not exist
    void ctx.command;
  });
  dp.on(and(regex(/x/), reply), (m, ctx) => {
    const id: number = m.replyToMessage.id;
    const match: RegExpExecArray = ctx.match;
    void [id, match];
  });
  dp.on(reply, (m) => {
    void m.replyToMessage.id;
  });
  dp.on(text, (m) => {
    // @ts-expect-error replyToMessage may be null without the reply filter
    void m.replyToMessage.id;
  });
  dp.on(or(command('a'), regex(/b/)), (_m, ctx) => {
    // @ts-expect-error either command or match, so neither is certain
    void ctx.command.args;
  });
  dp.on(not(reply), (m) => {
    // @ts-expect-error not() proves nothing
    void m.replyToMessage.id;
  });

  // State filters narrow ctx.state.current to the state and its data.
  dp.on(and(text, dp.state('askAge')), (_m, ctx) => {
    const name: string = ctx.state.current.data.name;
    void name;
  });
  dp.on(dp.state('askAge', 'askName'), (_m, ctx) => {
    const n: 'askAge' | 'askName' = ctx.state.current.name;
    // @ts-expect-error askName has no `name` field, so it is not certain
    void ctx.state.current.data.name;
    void n;
  });
  dp.on(inState<States, 'askAge'>('askAge'), (_m, ctx) => void ctx.state.current.data.name);
  dp.on(text, (_m, ctx) => {
    // @ts-expect-error without a state filter the state may be absent
    void ctx.state.current.data;
  });
  // @ts-expect-error unknown state name in a filter
  dp.state('nope');

  // A dispatcher over a union narrows by kind.
  const du = new Dispatcher<Update>();
  du.on(kind('click'), (u) => {
    const d: string = u.data;
    void d;
  });
  du.on(
    guard((u: Update): u is Click => u.kind === 'click'),
    (u) => void u.data,
  );
  du.on(kind('message'), (u) => {
    // @ts-expect-error a message has no data
    void u.data;
  });
}

test('type-level checks compile (see @ts-expect-error lines)', () => {
  assert.type(typeChecks, 'function');
});

test.run();
