import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AwsError } from './errors.js';

/** REST-XML helpers (S3). Output is built by hand so element order follows AWS's documents. */
export function xmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    // XML 1.0 cannot carry most control characters even escaped; S3 would need EncodingType=url.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

export type XmlValue = string | number | boolean | Date | undefined | null | XmlNode | XmlSequence | XmlValue[];
export interface XmlNode {
  [element: string]: XmlValue;
}

/**
 * Sibling elements with different names in a fixed order, e.g. S3's interleaved <Version> and
 * <DeleteMarker> in ListObjectVersions. The member name it is stored under is not written.
 */
export class XmlSequence {
  constructor(readonly items: readonly (readonly [string, XmlValue])[]) {}
}

/**
 * Serializes `{ Name: value }` in insertion order. Arrays repeat the element (S3's flattened
 * lists); nested objects become child elements; undefined/null members are omitted; Dates are
 * ISO-8601 with milliseconds, as S3 writes them.
 */
export function toXml(root: string, body: XmlNode, xmlns = 'http://s3.amazonaws.com/doc/2006-03-01/'): string {
  const attrs = xmlns ? ` xmlns="${xmlns}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attrs}>${children(body)}</${root}>`;
}

function children(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) out += element(name, value);
  return out;
}

function element(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (value instanceof XmlSequence) return value.items.map(([n, v]) => element(n, v)).join('');
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') return `<${name}>${children(value)}</${name}>`;
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
});

/**
 * Parses a request document. Malformed XML, or a root other than `expectedRoot`, is S3's
 * `MalformedXML` ("The XML you provided was not well-formed or did not validate against our
 * published schema"). Repeated elements come back as arrays; use `asArray` when reading.
 */
export function parseXml(text: string, expectedRoot: string): XmlNode {
  const ok = XMLValidator.validate(text);
  const malformed = (): AwsError =>
    new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
  if (ok !== true) throw malformed();
  // No document type declarations: S3 accepts none, and entity definitions are an expansion risk.
  if (/<!DOCTYPE/i.test(text)) throw malformed();
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = doc[expectedRoot];
  if (root === undefined) throw malformed();
  if (root === '' ) return {};
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw malformed();
  return root as XmlNode;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
