/**
 * XML access for the report parsers: validate first (malformed XML gets a line/column message),
 * then parse into plain objects where every element is an array, attributes are `@_name`,
 * text is `#text` and namespace prefixes are dropped (TRX and some JUnit writers use them).
 * Entity expansion is capped so a billion-laughs file cannot exhaust memory.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { reportError } from './report-error.js';

export interface XmlElement {
  [key: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  processEntities: { enabled: true, maxEntityCount: 100, maxTotalExpansions: 10_000, maxExpandedLength: 1_000_000 },
});

/** The document's root element and its name. */
export function parseXml(text: string): { name: string; node: XmlElement } {
  const body = text.replace(/^\uFEFF/u, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw reportError(`Invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  let doc: XmlElement;
  try {
    doc = parser.parse(body) as XmlElement;
  } catch (err) {
    throw reportError(`Invalid XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const [name, value] of Object.entries(doc)) {
    if (name.startsWith('?') || name.startsWith('#') || name.startsWith('!')) continue;
    const node = Array.isArray(value) ? (value[0] as XmlElement | undefined) : undefined;
    if (node) return { name, node };
  }
  throw reportError('The XML document has no root element');
}

export function children(node: XmlElement, tag: string): XmlElement[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

export function child(node: XmlElement, tag: string): XmlElement | undefined {
  return children(node, tag)[0];
}

export function attr(node: XmlElement, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function text(node: XmlElement | undefined): string {
  const value = node?.['#text'];
  return typeof value === 'string' ? value : '';
}

/** A non-negative integer attribute, or undefined when absent or not a number. */
export function intAttr(node: XmlElement, name: string): number | undefined {
  const raw = attr(node, name);
  if (raw === undefined || !/^\s*\d+\s*$/u.test(raw)) return undefined;
  return Number(raw);
}

export function expectRoot(root: { name: string }, names: readonly string[], format: string): void {
  if (!names.includes(root.name)) {
    throw reportError(`Not a ${format} report: the root element is <${root.name}>, expected ${names.map((n) => `<${n}>`).join(' or ')}`);
  }
}
