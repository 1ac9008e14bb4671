import { AwsError, asArray, parseXml, type XmlNode, type XmlValue } from '../../../aws/index.js';
import type { LifecycleFilter, LifecycleRule, NoncurrentTransition, Tag, Transition } from '../../../objects/index.js';

const malformed = (): AwsError =>
  new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

function node(v: XmlValue): XmlNode | undefined {
  if (v === undefined || v === '') return v === '' ? {} : undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) throw malformed();
  return v as XmlNode;
}

function text(v: XmlValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw malformed();
  return v;
}

function int(v: XmlValue): number | undefined {
  const t = text(v)?.trim();
  if (t === undefined) return undefined;
  if (!/^-?\d+$/.test(t)) throw malformed();
  return Number(t);
}

function tag(v: XmlValue): Tag {
  const n = node(v) ?? {};
  const key = text(n.Key);
  if (key === undefined) throw malformed();
  return { Key: key, Value: text(n.Value) ?? '' };
}

function parseFilter(rule: XmlNode): LifecycleFilter {
  const legacy = text(rule.Prefix);
  const f = node(rule.Filter);
  if (legacy !== undefined && f !== undefined) throw malformed();
  if (legacy !== undefined) return { kind: 'legacy-prefix', prefix: legacy };
  if (f === undefined) throw malformed();
  const members = Object.keys(f);
  if (members.length === 0) return { kind: 'empty' };
  if (members.length > 1 && !(members.length === 2 && f.ObjectSizeGreaterThan !== undefined && f.ObjectSizeLessThan !== undefined)) throw malformed();
  if (f.Prefix !== undefined) return { kind: 'prefix', prefix: text(f.Prefix) ?? '' };
  if (f.Tag !== undefined) return { kind: 'tag', tag: tag(f.Tag) };
  if (f.And !== undefined) {
    const and = node(f.And) ?? {};
    const gt = int(and.ObjectSizeGreaterThan);
    const lt = int(and.ObjectSizeLessThan);
    const prefix = text(and.Prefix);
    return {
      kind: 'and', tags: asArray(and.Tag).map(tag),
      ...(prefix !== undefined ? { prefix } : {}), ...(gt !== undefined ? { greaterThan: gt } : {}), ...(lt !== undefined ? { lessThan: lt } : {}),
    };
  }
  const gt = int(f.ObjectSizeGreaterThan);
  const lt = int(f.ObjectSizeLessThan);
  if (gt === undefined && lt === undefined) throw malformed();
  return { kind: 'size', ...(gt !== undefined ? { greaterThan: gt } : {}), ...(lt !== undefined ? { lessThan: lt } : {}) };
}

function parseRule(rule: XmlNode): LifecycleRule {
  const status = text(rule.Status);
  if (status !== 'Enabled' && status !== 'Disabled') throw malformed();
  const out: LifecycleRule = { id: text(rule.ID) ?? '', status, filter: parseFilter(rule) };
  const exp = node(rule.Expiration);
  if (exp) {
    const days = int(exp.Days);
    const date = text(exp.Date);
    const eodm = text(exp.ExpiredObjectDeleteMarker);
    if (eodm !== undefined && eodm !== 'true' && eodm !== 'false') throw malformed();
    out.expiration = {
      ...(days !== undefined ? { days } : {}),
      ...(date !== undefined ? { date: new Date(Date.parse(date)).toISOString() } : {}),
      ...(eodm !== undefined ? { expiredObjectDeleteMarker: eodm === 'true' } : {}),
    };
    if (date !== undefined && Number.isNaN(Date.parse(date))) throw malformed();
  }
  const nve = node(rule.NoncurrentVersionExpiration);
  if (nve) {
    const days = int(nve.NoncurrentDays);
    const newer = int(nve.NewerNoncurrentVersions);
    out.noncurrentVersionExpiration = { ...(days !== undefined ? { noncurrentDays: days } : {}), ...(newer !== undefined ? { newerNoncurrentVersions: newer } : {}) };
  }
  const abort = node(rule.AbortIncompleteMultipartUpload);
  if (abort) {
    const days = int(abort.DaysAfterInitiation);
    if (days === undefined) throw malformed();
    out.abortIncompleteMultipartUpload = { daysAfterInitiation: days };
  }
  const transitions = asArray(rule.Transition).map((t): Transition => {
    const n = node(t) ?? {};
    const days = int(n.Days);
    const date = text(n.Date);
    return { storageClass: text(n.StorageClass) ?? '', ...(days !== undefined ? { days } : {}), ...(date !== undefined ? { date } : {}) };
  });
  if (transitions.length > 0) out.transitions = transitions;
  const nct = asArray(rule.NoncurrentVersionTransition).map((t): NoncurrentTransition => {
    const n = node(t) ?? {};
    const days = int(n.NoncurrentDays);
    const newer = int(n.NewerNoncurrentVersions);
    return { storageClass: text(n.StorageClass) ?? '', ...(days !== undefined ? { noncurrentDays: days } : {}), ...(newer !== undefined ? { newerNoncurrentVersions: newer } : {}) };
  });
  if (nct.length > 0) out.noncurrentVersionTransitions = nct;
  return out;
}

/** Parses a LifecycleConfiguration document; shape errors are MalformedXML (semantic checks live in the domain). */
export function parseLifecycleXml(body: string): LifecycleRule[] {
  const doc = parseXml(body, 'LifecycleConfiguration');
  return asArray(doc.Rule).map((r) => parseRule(node(r) ?? {}));
}

function filterXml(f: LifecycleFilter): XmlNode {
  switch (f.kind) {
    case 'legacy-prefix':
      return { Prefix: f.prefix };
    case 'empty':
      return { Filter: {} };
    case 'prefix':
      return { Filter: { Prefix: f.prefix } };
    case 'tag':
      return { Filter: { Tag: { ...f.tag } } };
    case 'size':
      return { Filter: { ObjectSizeGreaterThan: f.greaterThan, ObjectSizeLessThan: f.lessThan } };
    case 'and':
      return { Filter: { And: { Prefix: f.prefix, Tag: f.tags.map((t) => ({ ...t })), ObjectSizeGreaterThan: f.greaterThan, ObjectSizeLessThan: f.lessThan } } };
  }
}

/** The rules as GetBucketLifecycleConfiguration returns them (element order of S3's documents). */
export function lifecycleRulesXml(rules: LifecycleRule[]): XmlNode {
  return {
    Rule: rules.map((r) => ({
      Expiration: r.expiration
        ? { Date: r.expiration.date, Days: r.expiration.days, ExpiredObjectDeleteMarker: r.expiration.expiredObjectDeleteMarker }
        : undefined,
      ID: r.id === '' ? undefined : r.id,
      ...filterXml(r.filter),
      Status: r.status,
      Transition: (r.transitions ?? []).map((t) => ({ Date: t.date, Days: t.days, StorageClass: t.storageClass })),
      NoncurrentVersionTransition: (r.noncurrentVersionTransitions ?? []).map((t) => ({
        NoncurrentDays: t.noncurrentDays, StorageClass: t.storageClass, NewerNoncurrentVersions: t.newerNoncurrentVersions,
      })),
      NoncurrentVersionExpiration: r.noncurrentVersionExpiration
        ? { NoncurrentDays: r.noncurrentVersionExpiration.noncurrentDays, NewerNoncurrentVersions: r.noncurrentVersionExpiration.newerNoncurrentVersions }
        : undefined,
      AbortIncompleteMultipartUpload: r.abortIncompleteMultipartUpload
        ? { DaysAfterInitiation: r.abortIncompleteMultipartUpload.daysAfterInitiation }
        : undefined,
    })),
  };
}
