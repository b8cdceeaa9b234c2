import { historyPage } from './tl-fixtures.js';
import { encode } from '../ts/tl/codec/index.js';
import { TlBinaryReader } from '@mtcute/tl-runtime';
import { __tlReaderMap } from '../node_modules/@mtcute/core/tl/binary/reader.js';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { BinaryReader } = require('telegram/extensions');
const page = historyPage();
const bytes = encode(page);
function bench(name: string, fn: () => void, ms = 1500) {
  for (let i = 0; i < 200; i++) fn();
  let n = 0; const t0 = performance.now(); let t = t0;
  while ((t = performance.now()) - t0 < ms) { for (let i = 0; i < 20; i++) fn(); n += 20; }
  console.log(name.padEnd(30), (n / ((t - t0) / 1000)).toFixed(0).padStart(9), 'ops/s', ((t - t0) * 1000 / n).toFixed(2), 'us');
}
const m = TlBinaryReader.deserializeObject(__tlReaderMap as any, bytes) as any;
console.log(m._, m.messages.length, m.messages[0].fromId ?? m.messages[0].from_id);
bench('mtcute decode page', () => TlBinaryReader.deserializeObject(__tlReaderMap as any, bytes));
const g = new BinaryReader(Buffer.from(bytes)).tgReadObject();
console.log(g.className, g.messages.length);
bench('gramjs decode page', () => new BinaryReader(Buffer.from(bytes)).tgReadObject());
