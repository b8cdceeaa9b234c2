/**
 * Draws a QR code (ts/client/qr-encode.ts) in a terminal with half-block characters:
 * one character cell holds two modules, the upper one and the lower one
 * (`▀`, `▄`, `█`, space), so the code is as tall as it is wide in most
 * fonts. The quiet zone around it (four modules in the standard, ISO/IEC
 * 18004 clause 9.1) is drawn too, since a terminal's own background may be
 * dark.
 *
 * With `colors` (the default), every line is painted black on white with ANSI
 * escapes, so it scans on dark and light terminals alike; without, dark
 * modules are drawn with the glyphs, which is right on a light background
 * and inverted on a dark one (`invert` swaps them).
 *
 * @example
 * ```ts
 * process.stderr.write(`${renderQr(encodeQr(url), { colors: !process.env.NO_COLOR })}\n`);
 * ```
 */
import type { QrCode } from '../client/qr-encode.js';

/** Options of `renderQr`. */
export interface QrRenderOptions {
  /** Light modules around the code (default 2: enough for phone scanners, half the terminal height of the standard's 4). */
  quietZone?: number;
  /** Black on white ANSI colours (default true). */
  colors?: boolean;
  /** Without colours: draw light modules instead of dark ones (for dark terminals). */
  invert?: boolean;
}

const BLOCKS = [' ', '▄', '▀', '█'] as const;

/** The code as lines of half-block characters (joined with `\n`, no trailing newline). */
export function renderQr(qr: QrCode, options: QrRenderOptions = {}): string {
  const quiet = options.quietZone ?? 2;
  const colors = options.colors ?? true;
  // With colours the glyphs paint dark modules in the foreground (black) over a white background.
  const inkIsDark = colors || !options.invert;
  const ink = (x: number, y: number) => qr.dark(x, y) === inkIsDark;
  const lines: string[] = [];
  for (let y = -quiet; y < qr.size + quiet; y += 2) {
    let line = '';
    for (let x = -quiet; x < qr.size + quiet; x++) {
      const upper = ink(x, y) ? 2 : 0;
      const lower = y + 1 < qr.size + quiet && ink(x, y + 1) ? 1 : 0;
      line += BLOCKS[upper | lower];
    }
    lines.push(colors ? `\x1b[30;107m${line}\x1b[0m` : line);
  }
  return lines.join('\n');
}
