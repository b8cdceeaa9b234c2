/**
 * In-process breakdown of what one history page costs wasmgram on the
 * client side, apart from sockets, encryption and the server:
 * `npx tsx bench/history/client-side.ts`.
 *
 * Fetches one page of 100 posts of the history bench's channel (the same
 * posts, bench/history/index.ts) from the test server, then times, in CPU
 * ms per 1 000 messages: the TL decode of the page's bytes (ts/tl — another
 * layer's cost, reported apart), gzip inflate of those bytes as the server
 * packs them, `wrapMessages` (Message/User/Chat wrappers) with the getters
 * an iteration typically reads, the peer-cache feed (collectPeers +
 * storage.putPeers), and the async iteration itself (iterHistory's generator
 * behind the client's lazy loader). Prints a table; writes nothing.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { TelegramClient } from '../../ts/client/index.js';
import { lazyIterator } from '../../ts/client/lazy/wrappers.js';
import { wrapMessages } from '../../ts/client/methods/messages/wrap.js';
import { collectPeers } from '../../ts/client/peers.js';
import type { ClientCore } from '../../ts/client/core.js';
import type { Message } from '../../ts/client/types/message.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { ScriptedWorld, TestServer } from '../../ts/testing/index.js';
import { decode, encode } from '../../ts/tl/codec/index.js';
import type { messages } from '../../ts/tl/generated/types.js';
import { markdownTable } from '../lib/format.js';
import { post } from './index.js';

const PAGE = 100;
const server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider(), websocket: false });
const world = new ScriptedWorld(server.backend);
const feeder = world.user({ firstName: 'Feeder', phone: '9996629000' });
const channel = await feeder.createChannel('History bench', { broadcast: true, username: 'bench_history' });
for (let i = 0; i < PAGE; i++) {
  const p = post(i);
  await feeder.sendMessage(channel, p.text, p.entities ? { entities: p.entities } : {});
}
const phone = '9996629100';
world.user({ firstName: 'Reader', phone });
const dc = server.dcs.find((d) => d.id === 2)!;
const storage = new MemoryStorage();
const client = new TelegramClient({
  apiId: 1,
  apiHash: 'bench',
  storage,
  updates: false,
  testServer: { dcs: [{ id: 2, host: dc.host, port: dc.port }], rsaPublicKey: server.rsaPublicKey },
});
await client.start({ phone, code: server.backend.loginCode(phone) });
const peer = await client.resolvePeer('@bench_history');
const res = (await client.invoke({
  _: 'messages.getHistory',
  peer,
  offset_id: 0,
  offset_date: 0,
  add_offset: 0,
  limit: PAGE,
  max_id: 0,
  min_id: 0,
  hash: 0n,
})) as messages.Messages;
if (res._ === 'messages.messagesNotModified' || res.messages.length !== PAGE) throw new Error('expected a full page');
const bytes = encode(res);
const packed = gzipSync(bytes);
const core = client as unknown as ClientCore;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU ms per 1 000 messages of `f` (one call = one page), over ~`budgetMs` of CPU after a warm-up. */
async function per1k(f: () => unknown, budgetMs = 1000): Promise<number> {
  for (let i = 0; i < 200; i++) await f();
  const t = cpuMs();
  let n = 0;
  while (cpuMs() - t < budgetMs) {
    await f();
    n++;
  }
  return ((cpuMs() - t) / n / PAGE) * 1000;
}

/** What an iteration typically reads of each message. */
function read(m: Message): number {
  return m.id + m.text.length + (m.sender ? 1 : 0) + m.entities.length;
}

const page = wrapMessages(core, res);
async function* generator(): AsyncGenerator<Message> {
  for (const m of page) yield m;
}
const rows: [string, number][] = [
  ['TL decode of the page (ts/tl)', await per1k(() => decode(bytes))],
  ['gzip inflate of the page (node:zlib)', await per1k(() => gunzipSync(packed))],
  [
    'wrapMessages + getters (id, text, sender, entities)',
    await per1k(() => {
      let s = 0;
      for (const m of wrapMessages(core, res)) s += read(m);
      return s;
    }),
  ],
  ['peer cache feed (collectPeers + putPeers)', await per1k(() => storage.putPeers(collectPeers(res, Date.now())))],
  [
    'async iteration (generator behind lazyIterator)',
    await per1k(async () => {
      let s = 0;
      for await (const m of lazyIterator(Promise.resolve(generator()))) s += m.id;
      return s;
    }),
  ],
];
console.log(
  `one page: ${PAGE} messages, ${bytes.length} bytes of TL (${packed.length} gzipped), ${res.users.length} user(s), ${res.chats.length} chat(s)\n`,
);
console.log(
  markdownTable(
    ['step', 'CPU ms / 1 000 msgs'],
    rows.map(([k, v]) => [k, v.toFixed(3)]),
    ['left', 'right'],
  ),
);
await client.close();
world.close();
await server.stop();
process.exit(0);
