/**
 * Clover XML (`CLOVERXML`, spec A.11), as PHPUnit, Istanbul and OpenClover write it:
 * coverage › project › (package ›)? file[name, path] › metrics[statements, coveredstatements,
 * conditionals, coveredconditionals]. Statements count as lines, conditionals as branches.
 */
import type { FileCoverageCounts } from './types.js';
import { attr, child, children, expectRoot, intAttr, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

export function parseClover(xml: string): FileCoverageCounts[] {
  const root = parseXml(xml);
  expectRoot(root, ['coverage'], 'Clover XML');
  const out: FileCoverageCounts[] = [];
  for (const project of children(root.node, 'project')) {
    readFiles(project, out);
    for (const pkg of children(project, 'package')) readFiles(pkg, out);
  }
  return out;
}

function readFiles(parent: XmlElement, out: FileCoverageCounts[]): void {
  for (const file of children(parent, 'file')) {
    const metrics = child(file, 'metrics') ?? {};
    const statements = intAttr(metrics, 'statements') ?? 0;
    const covered = Math.min(statements, intAttr(metrics, 'coveredstatements') ?? 0);
    const conditionals = intAttr(metrics, 'conditionals') ?? 0;
    const coveredConditionals = Math.min(conditionals, intAttr(metrics, 'coveredconditionals') ?? 0);
    out.push({
      filePath: attr(file, 'path') ?? attr(file, 'name') ?? '',
      linesCovered: covered,
      linesMissed: statements - covered,
      branchesCovered: coveredConditionals,
      branchesMissed: conditionals - coveredConditionals,
    });
  }
}
