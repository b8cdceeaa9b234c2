/**
 * A hand-written SVG grouped bar chart of ratios (log scale, bars grow up or
 * down from 1×), one panel per size or scenario. No dependencies: the output
 * is a plain string.
 */

export interface RatioSeries {
  name: string;
  color: string;
}

export interface RatioGroup {
  label: string;
  /** One value per series; null draws "n/a". */
  values: readonly (number | null)[];
}

export interface RatioPanel {
  title: string;
  groups: readonly RatioGroup[];
}

export interface RatioChart {
  title: string;
  subtitle: string;
  /** What 1× means, drawn on the baseline (e.g. "1× = best peer"). */
  baselineLabel: string;
  series: readonly RatioSeries[];
  panels: readonly RatioPanel[];
  /** A line of small print under the panels. */
  footnote?: string;
}

const WIDTH = 980;
const LEFT = 64;
const RIGHT = 16;
const HEADER = 96;
const PANEL_TITLE = 26;
const PLOT_HEIGHT = 230;
const AXIS_LABELS = 34;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function tickLabel(v: number): string {
  return v >= 1 ? `${v}×` : `1/${1 / v}×`;
}

/** Renders the chart; all panels share one log₂ axis so bars compare across panels. */
export function ratioChartSvg(chart: RatioChart): string {
  const values = chart.panels.flatMap((p) => p.groups.flatMap((g) => g.values)).filter((v): v is number => v !== null && v > 0);
  const lo = Math.min(-1, Math.floor(Math.log2(Math.min(...values, 1)) - 0.15));
  const hi = Math.max(1, Math.ceil(Math.log2(Math.max(...values, 1)) + 0.15));
  const step = Math.max(1, Math.ceil((hi - lo) / 10));
  const panelHeight = PANEL_TITLE + PLOT_HEIGHT + AXIS_LABELS;
  const height = HEADER + chart.panels.length * panelHeight + (chart.footnote ? 28 : 10);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${FONT}>`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${LEFT}" y="26" font-size="18" font-weight="600" fill="#111">${esc(chart.title)}</text>`);
  out.push(`<text x="${LEFT}" y="46" font-size="11" fill="#555">${esc(chart.subtitle)}</text>`);
  // Legend on its own line under the subtitle.
  let lx = LEFT;
  for (const s of chart.series) {
    out.push(`<rect x="${lx}" y="58" width="12" height="12" rx="2" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 17}" y="68" font-size="12" fill="#222">${esc(s.name)}</text>`);
    lx += Math.ceil(7.4 * s.name.length) + 40;
  }

  chart.panels.forEach((panel, pi) => {
    const top = HEADER + pi * panelHeight + PANEL_TITLE;
    const y = (v: number) => top + ((hi - Math.log2(v)) / (hi - lo)) * PLOT_HEIGHT;
    out.push(`<text x="${LEFT}" y="${top - 9}" font-size="13" font-weight="600" fill="#222">${esc(panel.title)}</text>`);
    for (let e = lo; e <= hi; e += step) {
      const v = 2 ** e;
      const gy = y(v).toFixed(1);
      out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${gy}" y2="${gy}" stroke="#e6e6e6"/>`);
      out.push(`<text x="${LEFT - 6}" y="${(+gy + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#666">${tickLabel(v)}</text>`);
    }
    const base = y(1);
    const groupWidth = plotWidth / Math.max(1, panel.groups.length);
    const barWidth = Math.min(30, (groupWidth - 14) / Math.max(1, chart.series.length));
    panel.groups.forEach((group, gi) => {
      const gx = LEFT + gi * groupWidth;
      const x0 = gx + (groupWidth - barWidth * chart.series.length) / 2;
      group.values.forEach((v, si) => {
        const x = x0 + si * barWidth;
        const cx = (x + barWidth / 2).toFixed(1);
        if (v === null || !(v > 0)) {
          out.push(`<text x="${cx}" y="${(base - 4).toFixed(1)}" font-size="9" text-anchor="middle" fill="#999">n/a</text>`);
          return;
        }
        const vy = y(v);
        const top2 = Math.min(vy, base);
        const h = Math.max(1, Math.abs(vy - base));
        out.push(
          `<rect x="${(x + 1).toFixed(1)}" y="${top2.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${chart.series[si]!.color}"><title>${esc(`${group.label} · ${chart.series[si]!.name}: ${fmt(v)}×`)}</title></rect>`,
        );
        const ty = v >= 1 ? top2 - 3 : top2 + h + 10;
        out.push(`<text x="${cx}" y="${ty.toFixed(1)}" font-size="9" text-anchor="middle" fill="#333">${fmt(v)}</text>`);
      });
      out.push(
        `<text x="${(gx + groupWidth / 2).toFixed(1)}" y="${top + PLOT_HEIGHT + 16}" font-size="12" text-anchor="middle" fill="#222">${esc(group.label)}</text>`,
      );
    });
    out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${base.toFixed(1)}" y2="${base.toFixed(1)}" stroke="#222" stroke-width="1.5"/>`);
    out.push(
      `<text x="${WIDTH - RIGHT}" y="${top - 9}" font-size="10" text-anchor="end" fill="#555">${esc(chart.baselineLabel)} · above the line = faster</text>`,
    );
  });
  if (chart.footnote) {
    out.push(`<text x="${LEFT}" y="${height - 12}" font-size="10" fill="#666">${esc(chart.footnote)}</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
