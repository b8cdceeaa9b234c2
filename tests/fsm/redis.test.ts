import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type NodeRedisLike, nodeRedisClient, RedisStateStorage } from '../../ts/fsm/index.js';
import { conformance } from './_conformance.js';
import { RespClient, type RedisServer, startRedis } from './_redis.js';

// One real redis-server for the whole file (started by the first test's create, stopped at the end).
let server: RedisServer | undefined;
let client: RespClient | undefined;
let prefixN = 0;

conformance('Redis (real redis-server)', {
  create: async () => {
    server ??= await startRedis();
    client ??= await RespClient.connect(server.port);
    // A fresh prefix per test: no FLUSHALL needed, and prefixes are exercised.
    return new RedisStateStorage({ client, prefix: `t${++prefixN}:` });
  },
});

test('Redis: keys carry the prefix, TTL is Redis PX (PTTL is set)', async () => {
  const s = new RedisStateStorage({ client: client!, prefix: 'bot:' });
  await s.set('c1', 'v', { ttlMs: 60_000 });
  assert.is(await client!.get('bot:c1'), 'v');
  const pttl = (await client!.command('PTTL', 'bot:c1')) as number;
  assert.ok(pttl > 50_000 && pttl <= 60_000, `PTTL ${pttl}`);
  await s.set('c1', 'w');
  assert.is(await client!.command('PTTL', 'bot:c1'), -1);
});

test('Redis: node-redis adapter passes PX as an options object', async () => {
  const calls: unknown[][] = [];
  const fake: NodeRedisLike = {
    get: async (k) => (calls.push(['get', k]), null),
    set: async (...a) => (calls.push(['set', ...a]), 'OK'),
    del: async (k) => (calls.push(['del', k]), 1),
  };
  const s = new RedisStateStorage({ client: nodeRedisClient(fake), prefix: '' });
  await s.set('a', '1', { ttlMs: 1500 });
  await s.set('b', '2');
  await s.get('a');
  await s.delete('a');
  assert.equal(calls, [
    ['set', 'a', '1', { PX: 1500 }],
    ['set', 'b', '2'],
    ['get', 'a'],
    ['del', 'a'],
  ]);
});

test('stop redis-server', async () => {
  client?.close();
  await server?.stop();
});

test.run();
