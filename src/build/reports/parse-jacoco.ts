/**
 * JaCoCo XML (`JACOCOXML`, spec A.11): report › (group ›)* package[name] › sourcefile[name] ›
 * counter[type=LINE|BRANCH, missed, covered]. The file path is `package/sourcefile`.
 */
import type { FileCoverageCounts } from './types.js';
import { attr, children, expectRoot, intAttr, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

export function parseJacoco(xml: string): FileCoverageCounts[] {
  const root = parseXml(xml);
  expectRoot(root, ['report'], 'JaCoCo XML');
  const out: FileCoverageCounts[] = [];
  visit(root.node, out);
  return out;
}

function visit(node: XmlElement, out: FileCoverageCounts[]): void {
  for (const group of children(node, 'group')) visit(group, out);
  for (const pkg of children(node, 'package')) {
    const dir = attr(pkg, 'name') ?? '';
    for (const source of children(pkg, 'sourcefile')) {
      const name = attr(source, 'name') ?? '';
      const line = counter(source, 'LINE');
      const branch = counter(source, 'BRANCH');
      out.push({
        filePath: dir ? `${dir}/${name}` : name,
        linesCovered: line.covered,
        linesMissed: line.missed,
        branchesCovered: branch.covered,
        branchesMissed: branch.missed,
      });
    }
  }
}

function counter(node: XmlElement, type: string): { covered: number; missed: number } {
  const found = children(node, 'counter').find((c) => attr(c, 'type') === type);
  return { covered: (found && intAttr(found, 'covered')) ?? 0, missed: (found && intAttr(found, 'missed')) ?? 0 };
}
