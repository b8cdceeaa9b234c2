import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFFERENCE_RETRY_MAX_MS, MessageBox, NO_UPDATES_TIMEOUT_MS, POSSIBLE_GAP_TIMEOUT_MS } from '../../ts/updates/index.js';
import { liveBox, T0 } from './_box.js';
import {
  CHANNEL,
  CHANNEL_HASH,
  channelChat,
  channelDifference,
  channelMessage,
  container,
  difference,
  ids,
  newChannelMessage,
  onlyRequest,
  peersKnowing,
  short,
  state,
} from './_fixtures.js';

/** A live box tracking CHANNEL at pts 500. */
function channelBox(options = {}) {
  const box = liveBox(options);
  box.trackChannel(CHANNEL, 500, T0);
  return box;
}

const channelRequest = (pts: number, limit = 100) => ({
  _: 'updates.getChannelDifference',
  channel: { _: 'inputChannel', channel_id: CHANNEL, access_hash: CHANNEL_HASH },
  filter: { _: 'channelMessagesFilterEmpty' },
  pts,
  limit,
});

test('channel pts: each channel has its own sequence (apply, duplicate, and an untracked channel starts at its first update)', () => {
  const box = channelBox();
  assert.equal(ids(box.process(short(newChannelMessage(1, 501)), T0)), [1]);
  assert.equal(box.process(short(newChannelMessage(1, 501)), T0).updates, []);
  assert.equal(ids(box.process(short(newChannelMessage(7, 9000, 8002n)), T0)), [7]);
  assert.equal(
    box.getState().channels,
    new Map([
      [CHANNEL, 501],
      [8002n, 9000],
    ]),
  );
  assert.is(box.getState().state!.pts, 100, 'the account pts is untouched');
});

test('channel gap: a hole in a channel waits 0.5 s, then asks getChannelDifference for that channel only', () => {
  const box = channelBox();
  assert.equal(box.process(short(newChannelMessage(3, 503)), T0).updates, []);
  const req = onlyRequest(box.checkDeadlines(T0 + POSSIBLE_GAP_TIMEOUT_MS), 'getChannelDifference');
  assert.equal(req.request, channelRequest(500));
  const out = box.applyChannelDifference(req, channelDifference(503, [channelMessage(1), channelMessage(2), channelMessage(3)]), T0 + 600);
  assert.equal(ids(out), [1, 2, 3]);
  assert.is(out.updates[0]!._, 'updateNewChannelMessage');
  assert.is(box.getState().channels.get(CHANNEL), 503);
});

test('bots ask channel differences with limit 100000', () => {
  const box = channelBox({ bot: true });
  const req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
  assert.is(req.request.limit, 100_000);
});

test('channel too long: updateChannelTooLong asks for the channel difference from the local pts', () => {
  const box = channelBox();
  const out = box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL, pts: 900 }), T0);
  assert.equal(out.updates, [], 'the signal itself is not an update to handle');
  const req = onlyRequest(out, 'getChannelDifference');
  assert.equal(req.request, channelRequest(500));
  // Live updates of the channel meanwhile are held, then deduplicated against the difference.
  assert.equal(box.process(short(newChannelMessage(2, 502)), T0 + 1).updates, []);
  assert.equal(box.process(short(newChannelMessage(3, 503)), T0 + 2).updates, []);
  const done = box.applyChannelDifference(req, channelDifference(502, [channelMessage(1), channelMessage(2)]), T0 + 3);
  assert.equal(ids(done), [1, 2, 3], 'held 2 was a duplicate; held 3 follows');
  assert.is(box.getState().channels.get(CHANNEL), 503);
});

test('channel too long for an untracked channel takes the access hash from the same container', () => {
  const box = liveBox({ peers: peersKnowing([], [], []) });
  const out = box.process(container([newChannelMessage(1, 10, 9009n)], 6, { chats: [channelChat(9009n, 77n)] }), T0);
  assert.equal(ids(out), [1]);
  const req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: 9009n }), T0), 'getChannelDifference');
  assert.equal(req.request.channel, { _: 'inputChannel', channel_id: 9009n, access_hash: 77n });
});

test('channel difference final/timeout: not final asks again from the new pts; final with timeout sets the next deadline', () => {
  const box = channelBox();
  let req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
  const part = box.applyChannelDifference(req, channelDifference(600, [channelMessage(1)], { final: false }), T0 + 10);
  assert.equal(ids(part), [1]);
  req = onlyRequest(part, 'getChannelDifference');
  assert.equal(req.request, channelRequest(600));
  const end = box.applyChannelDifference(req, channelDifference(650, [channelMessage(2)], { final: true, timeout: 30 }), T0 + 20);
  assert.equal(end.requests, []);
  assert.is(box.nextDeadline(), T0 + 20 + 30_000, 'timeout 30 s: the channel is asked again in 30 s, not 15 min');
  const again = onlyRequest(box.checkDeadlines(T0 + 20 + 30_000), 'getChannelDifference');
  assert.equal(again.request, channelRequest(650));
  box.applyChannelDifference(again, { _: 'updates.channelDifferenceEmpty', final: true, pts: 650 }, T0 + 30_100);
  assert.equal(box.checkDeadlines(T0 + 30_200).requests, []);
});

test('channelDifferenceTooLong resets the channel to the dialog pts and reports the latest messages', () => {
  const box = channelBox();
  const req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
  const dialog = {
    _: 'dialog',
    peer: { _: 'peerChannel', channel_id: CHANNEL },
    top_message: 99,
    read_inbox_max_id: 0,
    read_outbox_max_id: 0,
    unread_count: 0,
    unread_mentions_count: 0,
    unread_reactions_count: 0,
    unread_poll_votes_count: 0,
    notify_settings: { _: 'peerNotifySettings' },
    pts: 20_000,
  } as const;
  const out = box.applyChannelDifference(
    req,
    { _: 'updates.channelDifferenceTooLong', final: true, dialog, messages: [channelMessage(99)], chats: [], users: [] },
    T0 + 5,
  );
  assert.equal(out.updates, []);
  assert.is(out.events.length, 1);
  assert.is(out.events[0]!.type, 'channelTooLong');
  assert.is(box.getState().channels.get(CHANNEL), 20_000);
  assert.equal(ids(box.process(short(newChannelMessage(100, 20_001)), T0 + 6)), [100]);
});

test('permanent errors stop retries: CHANNEL_PRIVATE drops the channel and nothing is asked again', () => {
  for (const error of ['CHANNEL_PRIVATE', 'CHANNEL_INVALID']) {
    const box = channelBox();
    const req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
    const out = box.failRequest(req, error, T0 + 1);
    assert.equal(out.events, [{ type: 'channelDropped', channelId: CHANNEL, reason: error }]);
    assert.equal(out.requests, []);
    assert.is(box.getState().channels.has(CHANNEL), false);
    for (let t = T0; t < T0 + 2 * NO_UPDATES_TIMEOUT_MS; t += 60_000) {
      const kinds = box.checkDeadlines(t).requests.map((r) => r.kind);
      assert.not.ok(kinds.includes('getChannelDifference'), `${error}: no channel request at ${t - T0} ms`);
    }
  }
});

test('PERSISTENT_TIMESTAMP reset: the channel pts is forgotten with a warning and restarts from the next update', () => {
  const box = channelBox();
  const req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
  box.process(short(newChannelMessage(10, 800)), T0 + 1); // held while the difference is out
  const out = box.failRequest(req, 'PERSISTENT_TIMESTAMP_OUTDATED', T0 + 2);
  assert.equal(out.events, [{ type: 'channelReset', channelId: CHANNEL, reason: 'PERSISTENT_TIMESTAMP_OUTDATED' }]);
  assert.equal(ids(out), [10], 'the held update starts the channel again');
  assert.equal(out.requests, []);
  assert.is(box.getState().channels.get(CHANNEL), 800);
});

test('backoff never loops: temporary errors retry after 1 s, 2 s, 4 s ... capped, FLOOD_WAIT honoured', () => {
  // No-update deadlines far away, so only the retries schedule anything.
  const box = channelBox({ noUpdatesTimeoutMs: 1e12 });
  let req = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0), 'getChannelDifference');
  let now = T0;
  const delays: number[] = [];
  for (let attempt = 1; attempt <= 12; attempt++) {
    const failed = box.failRequest(req, 'INTERNAL_SERVER_ERROR', now);
    const retryAt = box.nextDeadline();
    delays.push(retryAt - now);
    assert.equal(failed.requests, [], 'never retried in the same call');
    assert.equal(box.checkDeadlines(retryAt - 1).requests, [], 'nor before its time');
    now = retryAt;
    req = onlyRequest(box.checkDeadlines(now), 'getChannelDifference');
  }
  assert.equal(delays, [1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000]);
  assert.is(delays.at(-1), DIFFERENCE_RETRY_MAX_MS);
  box.failRequest(req, 'FLOOD_WAIT_900', now);
  assert.is(box.nextDeadline() - now, 900_000);
  // A success resets the count.
  req = onlyRequest(box.checkDeadlines(now + 900_000), 'getChannelDifference');
  box.applyChannelDifference(req, { _: 'updates.channelDifferenceEmpty', final: true, pts: 500 }, now + 900_001);
  const next = onlyRequest(box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), now + 900_002), 'getChannelDifference');
  box.failRequest(next, 'TIMEOUT', now + 900_003);
  assert.is(box.nextDeadline() - (now + 900_003), 1000);
});

test('account difference failures back off too', () => {
  const box = liveBox();
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  const out = box.failRequest(req, 'TIMEOUT', T0);
  assert.equal(out.events, [{ type: 'retryScheduled', target: 'account', error: 'TIMEOUT', attempt: 1, retryAt: T0 + 1000 }]);
  assert.equal(box.checkDeadlines(T0 + 999).requests, []);
  onlyRequest(box.checkDeadlines(T0 + 1000), 'getDifference');
});

test('unknown channel access hash: the channel is dropped instead of asked for forever', () => {
  const box = liveBox({ peers: peersKnowing([], [], []) });
  box.trackChannel(CHANNEL, 500, T0);
  const out = box.process(short({ _: 'updateChannelTooLong', channel_id: CHANNEL }), T0);
  assert.equal(out.requests, []);
  assert.equal(out.events, [{ type: 'channelDropped', channelId: CHANNEL, reason: 'CHANNEL_ACCESS_HASH_UNKNOWN' }]);
});

test('channel deadlines: a channel without updates for 15 minutes is asked for its difference', () => {
  const box = channelBox();
  box.process(short({ _: 'updateNewMessage', message: { _: 'messageEmpty', id: 1 }, pts: 101, pts_count: 1 }), T0 + 1000);
  const out = box.checkDeadlines(T0 + NO_UPDATES_TIMEOUT_MS);
  const req = onlyRequest(out, 'getChannelDifference');
  assert.equal(req.request, channelRequest(500));
});

test('channel updates inside an account difference follow the channel sequence', () => {
  const box = channelBox();
  const req = onlyRequest(box.process({ _: 'updatesTooLong' }, T0), 'getDifference');
  const diff = difference(
    [],
    [newChannelMessage(1, 501), newChannelMessage(1, 501), { _: 'updateChannelTooLong', channel_id: CHANNEL }],
    state(100, 10, 1000, 5),
  );
  const out = box.applyDifference(req, diff, T0 + 1);
  assert.equal(ids(out), [1]);
  assert.equal(onlyRequest(out, 'getChannelDifference').request, channelRequest(501));
});

test('a stored box with catch-up also asks each stored channel, a few at a time', () => {
  const channels = new Map<bigint, number>();
  const hashes: Array<[bigint, bigint]> = [];
  for (let i = 0n; i < 6n; i++) {
    channels.set(9000n + i, 10);
    hashes.push([9000n + i, 1n]);
  }
  const box = new MessageBox({ stored: { state: { pts: 1, qts: 1, date: 1, seq: 1 }, channels }, peers: peersKnowing([], [], hashes) });
  const out = box.start(T0);
  assert.equal(
    out.requests.map((r) => r.kind),
    ['getDifference', 'getChannelDifference', 'getChannelDifference', 'getChannelDifference', 'getChannelDifference'],
  );
  const first = out.requests[1]!;
  const more = box.applyChannelDifference(first, { _: 'updates.channelDifferenceEmpty', final: true, pts: 10 }, T0 + 1);
  assert.is(more.requests.length, 1, 'a finished one frees a slot');
});

test('dropped and failed channel requests free their slot exactly once (never more than 4 in flight)', () => {
  const hashes: Array<[bigint, bigint]> = [];
  for (let i = 0n; i < 12n; i++) hashes.push([9000n + i, 1n]);
  const box = liveBox({ peers: peersKnowing([], [], hashes) });
  for (let i = 0n; i < 12n; i++) box.trackChannel(9000n + i, 10, T0);
  const tooLong = (id: bigint) => short({ _: 'updateChannelTooLong', channel_id: id });
  const first = [0n, 1n, 2n, 3n, 4n, 5n].flatMap((i) => box.process(tooLong(9000n + i), T0).requests);
  assert.is(first.length, 4);
  const afterDrop = box.failRequest(first[0]!, 'CHANNEL_PRIVATE', T0 + 1).requests;
  const afterReset = box.failRequest(first[1]!, 'PERSISTENT_TIMESTAMP_INVALID', T0 + 2).requests;
  assert.is(afterDrop.length + afterReset.length, 2, 'each freed one slot');
  const more = [6n, 7n, 8n].flatMap((i) => box.process(tooLong(9000n + i), T0 + 3).requests);
  assert.is(more.length, 0, 'still 4 in flight: no room');
});

test.run();
