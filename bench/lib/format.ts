/** Number formatting and markdown tables for benchmark reports. */

/** `1234567` → `1.23 M`, `4321` → `4.32 k`, `12.3` → `12.3`. */
export function si(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toPrecision(3)} G`;
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)} M`;
  if (abs >= 1e3) return `${(value / 1e3).toPrecision(3)} k`;
  return value.toPrecision(3);
}

/** A ratio as `1.42×`. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)}×` : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

/** Milliseconds with three significant digits. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toPrecision(3)} ms`;
}

/** Byte sizes as the report names them: `48 B`, `1 KiB`, `512 KiB`. */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

export type Align = 'left' | 'right';

/**
 * A GitHub-flavoured markdown table, padded so it also reads as plain text
 * on a terminal.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const width = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length), 3));
  const cell = (text: string, c: number) => (align[c] === 'right' ? text.padStart(width[c]!) : text.padEnd(width[c]!));
  const line = (cells: readonly string[]) => `| ${header.map((_, c) => cell(cells[c] ?? '', c)).join(' | ')} |`;
  const rule = `|${width.map((w, c) => (align[c] === 'right' ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
