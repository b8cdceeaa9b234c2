/**
 * The README's "Send and download files", runnable offline: a test server
 * with one user, a photo and a big file sent to Saved Messages and read
 * back (in full, a byte range, and as a stream), then an expired file
 * reference refreshed on its own. Run: `node --import tsx examples/media.ts`.
 */
import { TelegramClient } from '../ts/client/index.js';
import { TestServer } from '../ts/testing/index.js';
import { mediaStore } from '../ts/testing/telegram/methods/media-store.js';

const testServer = await TestServer.start({ dcs: [1, 2, 3] }); // against Telegram: leave testServer out
testServer.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
const client = new TelegramClient({ apiId: 12345, apiHash: '0123456789abcdef', testServer });
await client.start({ phone: '+9996621234', code: async () => '22222' });
// A 1×1 PNG, and 12 MB of data (over 10 MB: sent as a big file).
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);
const bytes = new Uint8Array(12_000_000).map((_, i) => i % 251);

// --- the README snippet ---
const photo = await client.sendMedia('me', { photo: png, caption: 'a **tiny** photo', parseMode: 'markdown' });
const doc = await client.sendMedia('me', {
  document: new Blob([bytes], { type: 'application/octet-stream' }),
  attributes: { fileName: 'data.bin' },
  onProgress: (sent, total) => sent === total && console.log(`uploaded ${sent} bytes`),
});
console.log((await photo.download()).length, 'bytes of photo');
const head = await client.downloadToBuffer(doc, { offset: 0, length: 1000 });
let streamed = 0;
for await (const chunk of client.iterDownload(doc)) streamed += chunk.length;
console.log(head.length, streamed);
// ---

mediaStore(testServer.backend).expireReferences(); // the server rotates file references...
console.log((await doc.download({ length: 10 })).join(',')); // ...and the download refetches the message
await client.close();
await testServer.stop();
