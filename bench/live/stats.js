// Percentiles, medians across runs, and the printed table.

// Nearest-rank percentile of an unsorted list; null when empty.
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function maxOf(values) {
  let max = null;
  for (const v of values) if (max === null || v > max) max = v;
  return max;
}

// The median of each figure across runs; a figure missing from a run (null) is left out.
export function medians(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
    out[key] = values.length ? percentile(values, 50) : null;
  }
  return out;
}

const fixed = (digits) => (v) => (v === null || v === undefined ? '—' : v.toLocaleString('en-US', {
  minimumFractionDigits: digits, maximumFractionDigits: digits }));
export const int = fixed(0);
export const one = fixed(1);
export const two = fixed(2);
export const three = fixed(3);

// One Markdown table: a row per figure, the target beside it, a column per attendee count.
export function markdownTable(rows, columns) {
  const lines = [
    `| figure | target (at 10,000) | ${columns.map((c) => c.title).join(' | ')} |`,
    `|---|---|${columns.map(() => '---:').join('|')}|`,
  ];
  for (const [label, target, format] of rows) {
    lines.push(`| ${label} | ${target} | ${columns.map((c) => format(c.figures, c.n)).join(' | ')} |`);
  }
  return lines.join('\n');
}
