/**
 * The QR encoder (ts/client/qr-encode.ts; the CLI and the browser example draw login codes with it) against ISO/IEC 18004:2015 and
 * an independent encoder: byte-mode capacities (Table 7), format information
 * (Annex C, Table C.1), version information (Annex D, Table D.1), and whole
 * symbols made by libqrencode (tests/cli/_qr-vectors.ts) module for module.
 * The half-block drawing (qr-render.ts) gives back the same modules.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeQr, QR_MAX_VERSION, type QrCode, qrCapacity, qrPenalty } from '../../ts/client/qr-encode.js';
import { renderQr } from '../../ts/cli/qr-render.js';
import { ArgumentError } from '../../ts/errors.js';
import { QR_VECTORS } from './_qr-vectors.js';

test('Table 7: byte-mode capacity of versions 1–10 at levels L and M', () => {
  const L = [17, 32, 53, 78, 106, 134, 154, 192, 230, 271];
  const M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
  for (let v = 1; v <= QR_MAX_VERSION; v++) {
    assert.is(qrCapacity(v, 'L'), L[v - 1], `${v}-L`);
    assert.is(qrCapacity(v, 'M'), M[v - 1], `${v}-M`);
  }
});

test('the smallest version that holds the data is chosen (14 bytes: 1-M, 15 bytes: 2-M)', () => {
  assert.is(encodeQr('a'.repeat(14), { ecc: 'M' }).version, 1);
  assert.is(encodeQr('a'.repeat(15), { ecc: 'M' }).version, 2);
  assert.is(encodeQr('a'.repeat(271), { ecc: 'L' }).version, 10);
  assert.is(encodeQr('a', { minVersion: 4 }).version, 4);
});

for (const v of QR_VECTORS) {
  test(`libqrencode vector: version ${v.version}-${v.ecc}, mask ${v.mask}, ${v.text.length} bytes — every module equal`, () => {
    const qr = encodeQr(v.text, { ecc: v.ecc, mask: v.mask });
    assert.is(qr.version, v.version);
    assert.is(qr.size, v.rows.length);
    for (let y = 0; y < qr.size; y++) {
      const bits = BigInt(`0x${v.rows[y]}`);
      for (let x = 0; x < qr.size; x++) {
        const expected = ((bits >> BigInt(qr.size - 1 - x)) & 1n) === 1n;
        if (qr.dark(x, y) !== expected) assert.unreachable(`module (${x}, ${y}) differs`);
      }
    }
  });
}

/** The 15 format bits of the copy beside the top-right and bottom-left finders, bit 14 first. */
function formatBits(qr: QrCode): string {
  let bits = 0;
  for (let i = 0; i < 8; i++) if (qr.dark(qr.size - 1 - i, 8)) bits |= 1 << i;
  for (let i = 8; i < 15; i++) if (qr.dark(8, qr.size - 15 + i)) bits |= 1 << i;
  return bits.toString(2).padStart(15, '0');
}

test('Annex C, Table C.1: format information of levels L and M with each mask', () => {
  const table = {
    L: [
      '111011111000100',
      '111001011110011',
      '111110110101010',
      '111100010011101',
      '110011000101111',
      '110001100011000',
      '110110001000001',
      '110100101110110',
    ],
    M: [
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ],
  } as const;
  for (const ecc of ['L', 'M'] as const) {
    for (let mask = 0; mask < 8; mask++) assert.is(formatBits(encodeQr('HELLO', { ecc, mask })), table[ecc][mask], `${ecc} mask ${mask}`);
  }
});

test('Annex D, Table D.1: version information of versions 7–10 (both copies)', () => {
  const table: Record<number, string> = {
    7: '000111110010010100',
    8: '001000010110111100',
    9: '001001101010011001',
    10: '001010010011010011',
  };
  for (const [version, expected] of Object.entries(table)) {
    const qr = encodeQr('x', { ecc: 'L', minVersion: Number(version) });
    let upperRight = 0;
    let lowerLeft = 0;
    for (let i = 0; i < 18; i++) {
      if (qr.dark(qr.size - 11 + (i % 3), Math.floor(i / 3))) upperRight |= 1 << i;
      if (qr.dark(Math.floor(i / 3), qr.size - 11 + (i % 3))) lowerLeft |= 1 << i;
    }
    assert.is(upperRight.toString(2).padStart(18, '0'), expected, `version ${version}`);
    assert.is(lowerLeft, upperRight);
  }
});

test('7.8: without a fixed mask, the mask with the lowest penalty is chosen', () => {
  for (const text of ['HELLO', 'tg://login?token=AQDfWPRnOpcJ3xkQ0yYzVwLq7HTxmQ1kU5mB7GL8Ry0jJQ']) {
    const chosen = encodeQr(text);
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => {
      const qr = encodeQr(text, { mask });
      return qrPenalty((x, y) => qr.dark(x, y), qr.size);
    });
    assert.is(scores[chosen.mask], Math.min(...scores));
  }
});

test('bad input is an ArgumentError: too long for version 10, unknown level, mask or version', () => {
  assert.throws(
    () => encodeQr('a'.repeat(214), { ecc: 'M' }),
    (e: unknown) => e instanceof ArgumentError && /213 at most/.test((e as Error).message),
  );
  assert.throws(
    () => encodeQr('a', { ecc: 'H' as 'M' }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => encodeQr('a', { mask: 8 }),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => encodeQr('a', { minVersion: 11 }),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('half blocks: two module rows per line, quiet zone around, the modules read back; colours are black on white', () => {
  const qr = encodeQr('HELLO', { ecc: 'M' });
  const plain = renderQr(qr, { colors: false, quietZone: 2 });
  const lines = plain.split('\n');
  assert.is(lines.length, Math.ceil((qr.size + 4) / 2));
  for (const line of lines) assert.is([...line].length, qr.size + 4);
  assert.is(lines[0], ' '.repeat(qr.size + 4));
  for (let y = -2; y < qr.size + 2; y++) {
    for (let x = -2; x < qr.size + 2; x++) {
      const cell = [...lines[Math.floor((y + 2) / 2)]!][x + 2]!;
      const upper = (y + 2) % 2 === 0;
      const ink = cell === '█' || (upper ? cell === '▀' : cell === '▄');
      if (ink !== qr.dark(x, y)) assert.unreachable(`module (${x}, ${y}) drawn wrong`);
    }
  }
  const inverted = renderQr(qr, { colors: false, invert: true, quietZone: 2 });
  assert.is(inverted.split('\n')[0], '█'.repeat(qr.size + 4), 'inverted: the quiet zone is painted');
  const ESC = String.fromCharCode(27);
  for (const line of renderQr(qr).split('\n')) {
    assert.ok(line.startsWith(`${ESC}[30;107m`) && line.endsWith(`${ESC}[0m`), 'black on bright white, reset at the end');
    assert.match(line.slice(9, -4), /^[ ▀▄█]+$/);
  }
});

test.run();
