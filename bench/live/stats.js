// Figures from raw samples: percentiles, the seating check, medians across runs, and the printed table.

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

// How many seated attendees disagree with their table: each must be in their own list, everyone listed must
// sit at that table, and everyone who says they sit there must be listed.
export function mismatches(seats) {
  const tableOf = new Map();
  const members = new Map();
  for (const [id, , table] of seats) {
    tableOf.set(id, table);
    if (!members.has(table)) members.set(table, []);
    members.get(table).push(id);
  }
  let count = 0;
  for (const [id, , table, people] of seats) {
    const view = new Set(people);
    const agrees = view.has(id) && view.size === people.length
      && people.every((p) => !tableOf.has(p) || tableOf.get(p) === table)
      && members.get(table).every((m) => view.has(m));
    if (!agrees) count++;
  }
  return count;
}

export function median(values) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The median of each figure across runs; a figure missing from a run (null) is left out. Durations that
// never completed are Infinity, so they still weigh in.
export function medians(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    out[key] = median(runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
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
