// Figures, their targets and verdicts, as a table for people and JSON for tools.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Unit = 'KB' | 'MB' | 'ms' | '×' | 'count';

export interface Figure {
  section: string;
  label: string;
  /** null: not measured (see `detail` for why). */
  value: number | null;
  unit: Unit;
  /** The figure passes when it is at most this (at least, with `atLeast`), in `unit`. */
  target?: number;
  atLeast?: boolean;
  verdict: 'PASS' | 'MISS' | '';
  detail: string;
  /** The individual measurements the value summarises, in `unit`. */
  samples?: number[];
}

export const KB = 1024;
export const MB = 1024 * 1024;

export function figure(
  section: string,
  label: string,
  value: number,
  unit: Unit,
  detail: string,
  options: { target?: number; atLeast?: boolean; samples?: number[] } = {},
): Figure {
  const { target, atLeast, samples } = options;
  const met = target !== undefined && (atLeast ? value >= target : value <= target);
  const verdict = target === undefined ? '' : met ? 'PASS' : 'MISS';
  return { section, label, value, unit, target, atLeast, verdict, detail, samples };
}

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'MB':
      return `${value.toFixed(2)} MB`;
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case '×':
      return `${value.toFixed(3)}×`;
    case 'count':
      return String(value);
  }
}

export function renderTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.section,
    f.label,
    f.value === null ? '—' : format(f.value, f.unit),
    f.target === undefined ? '' : `${f.atLeast ? '≥' : '≤'} ${format(f.target, f.unit)}`,
    f.verdict,
    f.detail,
  ]);
  const header = ['Section', 'Measure', 'Value', 'Target', 'Result', 'Detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function writeJson(path: string, report: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
