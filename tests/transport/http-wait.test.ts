/**
 * The HTTP transport's long poll on the wire
 * (https://core.telegram.org/mtproto/transports#http,
 * https://core.telegram.org/mtproto/service_messages#http-wait-long-poll):
 * the client keeps one request open with `http_wait` while idle, an update
 * pushed meanwhile comes back in its answer, the test server holds a request
 * for the client's `max_wait` (capped by its own), and a server that answers
 * polls at once cannot drive the client into a busy loop. Bounds on counts are
 * wide (a busy loop would make thousands of requests); no timing is measured.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewMessage, TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type TestServer } from '../../ts/testing/index.js';
import { createHttpSocketFactory, type FetchLike } from '../../ts/transport/http.js';
import { Transport } from '../../ts/transport/transport.js';
import { clientFor, startServer, within } from '../client/_support.js';

let server: TestServer;
let world: ScriptedWorld;

test.before(async () => {
  server = await startServer({ dcs: [1, 2], http: { maxWaitMs: 20_000 } });
  world = new ScriptedWorld(server.backend);
});
test.after(async () => {
  world.close();
  await server.stop();
});

/** Every POST the client makes: when it started, and whether its answer was empty (a poll that ran out). */
interface Post {
  readonly at: number;
  empty?: boolean;
}

function countingFetch(posts: Post[]): FetchLike {
  return async (url, init) => {
    const post: Post = { at: Date.now() };
    posts.push(post);
    const res = await fetch(url, init as RequestInit);
    const body = await res.arrayBuffer();
    post.empty = body.byteLength === 0;
    return { status: res.status, arrayBuffer: async () => body };
  };
}

async function httpClient(posts: Post[], session: Record<string, unknown> = {}): Promise<TelegramClient> {
  return clientFor(server, {
    testServer: {
      dcs: server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.httpPort! })),
      rsaPublicKey: server.rsaPublicKey,
    },
    sockets: createHttpSocketFactory({ fetch: countingFetch(posts) }),
    connection: { connectTimeoutMs: 5000, requestTimeoutMs: 5000, session },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('idle on HTTP: one held request (no busy poll); an update pushed meanwhile arrives in its answer', async () => {
  const u = world.user({ firstName: 'Hal' });
  const friend = world.user({ firstName: 'Ida' });
  const posts: Post[] = [];
  const client = await httpClient(posts);
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 15_000, 'login');
    const got = new Promise<NewMessage>((resolve) => {
      client.on('newMessage', (m) => {
        if (m.text === 'while you idled') resolve(m);
      });
    });
    await within(client.startUpdates(), 8000, 'startUpdates');
    await sleep(300); // let the start-up answers settle
    const before = posts.length;
    await sleep(1000);
    // The default ackDelayMs (30 s) and ping interval (60 s) send nothing here: only polls could.
    assert.ok(posts.length - before <= 2, `${posts.length - before} requests while idle for 1 s`);
    await friend.sendMessage(u.user, 'while you idled');
    const m = await within(got, 5000, 'the update, well within the 20 s hold');
    assert.is(m.message.sender?.id, friend.user.id);
    assert.ok(
      posts.slice(before).every((p) => p.empty !== true),
      'no poll ran out: the server held it until the update',
    );
  } finally {
    await client.close();
  }
});

test("the server holds a poll for the client's max_wait (here 200 ms), not its own 20 s", async () => {
  const u = world.user({ firstName: 'Jo' });
  const posts: Post[] = [];
  const client = await httpClient(posts, { httpWait: { maxWaitMs: 200 } });
  try {
    await within(client.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 15_000, 'login');
    const before = posts.length;
    // Empty answers only come from polls that ran out: at 20 s none would come within this test's deadline.
    const deadline = Date.now() + 8000;
    while (posts.slice(before).filter((p) => p.empty).length < 2 && Date.now() < deadline) await sleep(50);
    const empties = posts.slice(before).filter((p) => p.empty).length;
    assert.ok(empties >= 2, `${empties} polls ran out`);
    // Each ran out before the next went (one open at a time): no pile-up of requests.
    assert.ok(posts.length - before <= empties + 2);
  } finally {
    await client.close();
  }
});

test('a server that answers every poll at once: the socket waits minPollIntervalMs between polls (no busy loop)', async () => {
  let posted = 0;
  const fetch: FetchLike = async () => {
    posted++;
    return { status: 200, arrayBuffer: async () => new ArrayBuffer(0) };
  };
  const t = new Transport({ sockets: createHttpSocketFactory({ fetch, minPollIntervalMs: 100 }) });
  let polls = 0;
  t.on('poll', () => {
    polls++;
    t.send(new Uint8Array(40)); // what a Connection does: a poll packet
  });
  await t.connect('127.0.0.1', 1);
  t.send(new Uint8Array(40));
  await sleep(450);
  t.close();
  assert.ok(polls >= 1 && polls <= 6, `${polls} polls in 450 ms`);
  assert.is(posted, polls + 1);
});

test.run();
