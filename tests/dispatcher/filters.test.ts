import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  and,
  type CommandMatch,
  Context,
  channel,
  chatId,
  command,
  filter,
  forwarded,
  group,
  media,
  not,
  or,
  privateChat,
  regex,
  reply,
  splitCommandArgs,
  text,
  userId,
} from '../../ts/dispatcher/index.js';
import { msg } from './_messages.js';

const ctxOf = (u: unknown) => new Context<unknown>(u, undefined, undefined, undefined, undefined);
async function passes(f: (u: any, ctx: any) => boolean | Promise<boolean>, u: unknown): Promise<[boolean, Context<unknown>]> {
  const ctx = ctxOf(u);
  return [await f(u, ctx), ctx];
}

test('command: /start matches, args split, case-insensitive by default', async () => {
  const [ok, ctx] = await passes(command('start'), msg('/START  hello  "two words" x\\"y'));
  assert.ok(ok);
  assert.equal((ctx as unknown as { command: CommandMatch }).command, {
    name: 'start',
    prefix: '/',
    mention: undefined,
    args: ['hello', 'two words', 'x\\"y'],
    argsText: ' hello  "two words" x\\"y',
  });
  assert.not.ok((await passes(command('start'), msg('/started')))[0]);
  assert.not.ok((await passes(command('start'), msg('start')))[0]);
  assert.not.ok((await passes(command('start'), msg(' /start')))[0]);
  assert.not.ok((await passes(command('start', { caseSensitive: true }), msg('/Start')))[0]);
});

test('command: prefixes, several names, bot username suffix', async () => {
  const f = command(['ban', 'kick'], { prefixes: ['/', '!'], botUsername: 'My_Bot' });
  assert.ok((await passes(f, msg('!ban @x')))[0]);
  assert.ok((await passes(f, msg('/kick@my_bot')))[0]);
  assert.not.ok((await passes(f, msg('/kick@other_bot')))[0], 'addressed to another bot');
  assert.not.ok((await passes(f, msg('.ban')))[0]);
  const [ok, ctx] = await passes(f, msg('/ban@My_Bot 1d'));
  assert.ok(ok);
  assert.equal((ctx as any).command.mention, 'My_Bot');
  assert.equal((ctx as any).command.args, ['1d']);
  // Username unknown yet (getter returns undefined): any mention matches.
  assert.ok((await passes(command('x', { botUsername: () => undefined }), msg('/x@whoever')))[0]);
  assert.equal(splitCommandArgs(''), []);
});

test('text, regex (global regex state reset), chat kinds, ids, reply, forward, media', async () => {
  assert.ok((await passes(text, msg('hi')))[0]);
  assert.not.ok((await passes(text, msg('')))[0]);
  const re = regex(/(\d+)/g);
  const [ok1, c1] = await passes(re, msg('order 42'));
  assert.ok(ok1);
  assert.is((c1 as any).match[1], '42');
  assert.ok((await passes(re, msg('7')))[0], 'lastIndex from the previous update does not leak');
  assert.ok((await passes(privateChat, msg('x', { chatType: 'bot' })))[0]);
  assert.ok((await passes(group, msg('x', { chatType: 'supergroup' })))[0]);
  assert.not.ok((await passes(group, msg('x', { chatType: 'channel' })))[0]);
  assert.ok((await passes(channel, msg('x', { chatType: 'channel' })))[0]);
  assert.ok((await passes(chatId(-100123, 5n), msg('x', { chatId: -100123n })))[0]);
  assert.not.ok((await passes(chatId(1), msg('x', { chatId: 2n })))[0]);
  assert.ok((await passes(userId(7), msg('x')))[0]);
  assert.not.ok((await passes(userId(7), { ...msg('x'), sender: null }))[0]);
  assert.ok((await passes(reply, msg('x', { replyToMessage: { id: 3 } })))[0]);
  assert.not.ok((await passes(reply, msg('x')))[0]);
  assert.ok((await passes(forwarded, msg('x', { forward: {} })))[0]);
  assert.ok((await passes(media(), msg('', { media: { type: 'sticker' } })))[0]);
  assert.ok((await passes(media('photo', 'video'), msg('', { media: { type: 'video' } })))[0]);
  assert.not.ok((await passes(media('photo'), msg('', { media: { type: 'video' } })))[0]);
});

test('and / or / not: results, short-circuit order, async filters', async () => {
  const calls: string[] = [];
  const t = (name: string, v: boolean, async = false) =>
    filter<unknown>(() => {
      calls.push(name);
      return async ? Promise.resolve(v) : v;
    });
  assert.ok(await and(t('a', true), t('b', true, true), t('c', true))(0 as never, ctxOf(0)));
  assert.equal(calls.splice(0), ['a', 'b', 'c']);
  assert.not.ok(await and(t('a', true, true), t('b', false), t('c', true))(0 as never, ctxOf(0)));
  assert.equal(calls.splice(0), ['a', 'b']);
  assert.ok(await or(t('a', false), t('b', true, true), t('c', true))(0 as never, ctxOf(0)));
  assert.equal(calls.splice(0), ['a', 'b']);
  assert.not.ok(await or(t('a', false, true), t('b', false))(0 as never, ctxOf(0)));
  assert.ok(await not(t('a', false, true))(0 as never, ctxOf(0)));
  assert.not.ok(await not(t('a', true))(0 as never, ctxOf(0)));
  // Sync filters combined stay sync (no promise on the hot path).
  assert.type(and(t('a', true), t('b', true))(0 as never, ctxOf(0)), 'boolean');
});

test.run();
