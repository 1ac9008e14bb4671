/** Every benchmark prints a readable table (for people) and one JSON line (for tools). */
export type Cell = string | number | undefined;

export interface Table {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  notes?: readonly string[];
}

function show(c: Cell): string {
  if (c === undefined) return '—';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '—';
  return c;
}

export function printTable(t: Table): void {
  const cells = [t.columns.map(show), ...t.rows.map((r) => r.map(show))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ') + ' |';
  const out = [`\n## ${t.title}\n`, line(cells[0] ?? []), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|'];
  for (const r of cells.slice(1)) out.push(line(r));
  for (const n of t.notes ?? []) out.push(`\n${n}`);
  console.log(out.join('\n'));
}

/** The machine-readable result: exactly one line starting with {"benchmark": */
export function printJson(benchmark: string, data: Record<string, unknown>): void {
  console.log(JSON.stringify({ benchmark, ...data }));
}

export function progress(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/**
 * Collects a benchmark's tables and JSON figures while it runs, and prints them once its servers
 * are gone (so the machine line can say how busy the machine was meanwhile).
 */
export class Report {
  private readonly tables: Table[] = [];
  private readonly data: Record<string, unknown> = {};

  constructor(private readonly benchmark: string) {}

  table(t: Table): void {
    this.tables.push(t);
  }

  json(d: Record<string, unknown>): void {
    Object.assign(this.data, d);
  }

  get empty(): boolean {
    return this.tables.length === 0;
  }

  print(machineLine: string, machine: Record<string, unknown>): void {
    for (const t of this.tables) printTable(t);
    console.log(`\n${machineLine}\n`);
    printJson(this.benchmark, { machine, ...this.data });
  }
}
