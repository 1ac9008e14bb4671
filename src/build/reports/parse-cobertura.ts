/**
 * Cobertura XML (`COBERTURAXML`, spec A.11), as coverage.py, Istanbul/nyc, gcovr and the Cobertura
 * Maven plugin write it: coverage › packages › package › classes › class[filename] › lines ›
 * line[number, hits, branch, condition-coverage="50% (1/2)"]. Several classes may share a file
 * (Java inner classes), so lines are merged per file by line number before counting.
 */
import type { FileCoverageCounts } from './types.js';
import { attr, children, expectRoot, parseXml } from './xml.js';

interface LineState {
  hits: number;
  branchesCovered: number;
  branchesTotal: number;
}

export function parseCobertura(xml: string): FileCoverageCounts[] {
  const root = parseXml(xml);
  expectRoot(root, ['coverage'], 'Cobertura XML');
  const files = new Map<string, Map<string, LineState>>();
  for (const packages of children(root.node, 'packages')) {
    for (const pkg of children(packages, 'package')) {
      for (const classes of children(pkg, 'classes')) {
        for (const cls of children(classes, 'class')) {
          const file = attr(cls, 'filename') ?? attr(cls, 'name') ?? '';
          const lines = files.get(file) ?? new Map<string, LineState>();
          files.set(file, lines);
          for (const block of children(cls, 'lines')) {
            for (const line of children(block, 'line')) mergeLine(lines, line);
          }
        }
      }
    }
  }
  return [...files].map(([filePath, lines]) => countFile(filePath, [...lines.values()]));
}

function mergeLine(lines: Map<string, LineState>, line: Record<string, unknown>): void {
  const number = attr(line, 'number') ?? '';
  const hits = Number(attr(line, 'hits') ?? '0') || 0;
  const branches = attr(line, 'branch') === 'true' ? /\((\d+)\/(\d+)\)/u.exec(attr(line, 'condition-coverage') ?? '') : null;
  const prev = lines.get(number) ?? { hits: 0, branchesCovered: 0, branchesTotal: 0 };
  lines.set(number, {
    hits: Math.max(prev.hits, hits),
    branchesCovered: Math.max(prev.branchesCovered, Number(branches?.[1] ?? 0)),
    branchesTotal: Math.max(prev.branchesTotal, Number(branches?.[2] ?? 0)),
  });
}

function countFile(filePath: string, lines: LineState[]): FileCoverageCounts {
  const linesCovered = lines.filter((l) => l.hits > 0).length;
  const branchesCovered = lines.reduce((sum, l) => sum + l.branchesCovered, 0);
  const branchesTotal = lines.reduce((sum, l) => sum + l.branchesTotal, 0);
  return { filePath, linesCovered, linesMissed: lines.length - linesCovered, branchesCovered, branchesMissed: branchesTotal - branchesCovered };
}
