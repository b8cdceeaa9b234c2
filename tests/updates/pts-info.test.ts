import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Update } from '../../ts/tl/generated/types.js';
import { parseSchema } from '../../ts/tl/parser/index.js';
import { ENTRY_CHANNEL, ENTRY_COMMON, ENTRY_NONE, ENTRY_SECONDARY, newPtsInfo, readPtsInfo } from '../../ts/updates/index.js';

const schema = parseSchema(readFileSync(new URL('../../schema/api.tl', import.meta.url), 'utf8'));
const updateConstructors = schema.definitions.filter((d) => d.kind === 'constructor' && d.result.name === 'Update');

/** A sample of constructor `name` with every sequence field set (the rest is irrelevant to the classification). */
function sample(name: string, fields: readonly string[]): Update {
  const u: Record<string, unknown> = { _: name };
  if (fields.includes('pts')) u.pts = 5;
  if (fields.includes('pts_count')) u.pts_count = 1;
  if (fields.includes('qts')) u.qts = 7;
  if (fields.includes('channel_id')) u.channel_id = 42n;
  if (fields.includes('message'))
    u.message = {
      _: 'message',
      id: 1,
      peer_id: name.includes('Channel') ? { _: 'peerChannel', channel_id: 42n } : { _: 'peerUser', user_id: 3n },
      date: 1,
      message: '',
    };
  return u as unknown as Update;
}

const classified = new Map<string, number>();
for (const d of updateConstructors) {
  const info = newPtsInfo();
  classified.set(
    d.name,
    readPtsInfo(
      sample(
        d.name,
        d.params.map((p) => p.name),
      ),
      info,
    ),
  );
  if (info.entry === ENTRY_CHANNEL) assert.is(info.channelId, 42n, d.name);
}
const named = (entry: number) =>
  [...classified]
    .filter(([, e]) => e === entry)
    .map(([n]) => n)
    .sort();

test('pts-info: the account pts box holds the constructors the spec lists (https://core.telegram.org/api/updates#event-sequences)', () => {
  assert.equal(named(ENTRY_COMMON), [
    'updateDeleteMessages',
    'updateEditMessage',
    'updateFolderPeers',
    'updateNewMessage',
    'updatePinnedMessages',
    'updateReadHistoryInbox',
    'updateReadHistoryOutbox',
    'updateReadMessagesContents',
    'updateWebPage',
  ]);
});

test('pts-info: channel boxes hold the channel constructors (updateChannelTooLong is a signal, handled before)', () => {
  assert.equal(named(ENTRY_CHANNEL), [
    'updateChannelTooLong',
    'updateChannelWebPage',
    'updateDeleteChannelMessages',
    'updateEditChannelMessage',
    'updateNewChannelMessage',
    'updatePinnedChannelMessages',
    'updateReadChannelInbox',
  ]);
});

test('pts-info: every update with qts is in the qts box; the rest carry no position', () => {
  const withQts = updateConstructors
    .filter((d) => d.params.some((p) => p.name === 'qts'))
    .map((d) => d.name)
    .sort();
  assert.equal(named(ENTRY_SECONDARY), withQts);
  assert.ok(withQts.includes('updateNewEncryptedMessage') && withQts.includes('updateBotStopped'));
  assert.is(classified.get('updateUserTyping'), ENTRY_NONE);
  assert.is(classified.get('updateBotCallbackQuery'), ENTRY_NONE);
  assert.is(
    named(ENTRY_NONE).length + named(ENTRY_COMMON).length + named(ENTRY_CHANNEL).length + withQts.length,
    updateConstructors.length,
  );
});

test('pts-info: qts 0 and pts 0 carry no position; a channel update without a known channel has none', () => {
  const info = newPtsInfo();
  assert.is(readPtsInfo({ _: 'updateBotStopped', user_id: 1n, date: 1, stopped: true, qts: 0 }, info), ENTRY_NONE);
  assert.is(readPtsInfo({ _: 'updateNewMessage', message: { _: 'messageEmpty', id: 1 }, pts: 0, pts_count: 0 }, info), ENTRY_NONE);
  assert.is(readPtsInfo({ _: 'updateNewChannelMessage', message: { _: 'messageEmpty', id: 1 }, pts: 9, pts_count: 1 }, info), ENTRY_NONE);
  assert.is(readPtsInfo({ _: 'updateReadChannelInbox', channel_id: 5n, max_id: 1, still_unread_count: 0, pts: 9 }, info), ENTRY_CHANNEL);
  assert.is(info.count, 0, 'no pts_count field: count 0');
});

test.run();
