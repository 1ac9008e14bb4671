import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAwsError, toXml } from '../../../aws/index.js';
import { lifecycleRulesXml, parseLifecycleXml } from './lifecycle-xml.js';

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Rule><ID>logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status>
    <Expiration><Days>30</Days></Expiration>
    <NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays><NewerNoncurrentVersions>2</NewerNoncurrentVersions></NoncurrentVersionExpiration>
    <AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>
  </Rule>
  <Rule><ID>tagged</ID><Filter><And><Prefix>a/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag><Tag><Key>k2</Key><Value>v2</Value></Tag></And></Filter>
    <Status>Disabled</Status><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration>
    <Transition><Days>10</Days><StorageClass>GLACIER</StorageClass></Transition></Rule>
  <Rule><ID>legacy</ID><Prefix>old/</Prefix><Status>Enabled</Status><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>
  <Rule><ID>all</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
</LifecycleConfiguration>`;

test('lifecycle XML parses to rules and round-trips', () => {
  const rules = parseLifecycleXml(doc);
  assert.equal(rules.length, 4);
  assert.deepEqual(rules[0], {
    id: 'logs', status: 'Enabled', filter: { kind: 'prefix', prefix: 'logs/' }, expiration: { days: 30 },
    noncurrentVersionExpiration: { noncurrentDays: 7, newerNoncurrentVersions: 2 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
  });
  assert.deepEqual(rules[1]?.filter, { kind: 'and', prefix: 'a/', tags: [{ Key: 'k', Value: 'v' }, { Key: 'k2', Value: 'v2' }] });
  assert.deepEqual(rules[1]?.transitions, [{ days: 10, storageClass: 'GLACIER' }]);
  assert.deepEqual(rules[2]?.filter, { kind: 'legacy-prefix', prefix: 'old/' });
  assert.deepEqual(rules[3]?.filter, { kind: 'empty' });
  const again = parseLifecycleXml(toXml('LifecycleConfiguration', lifecycleRulesXml(rules)));
  assert.deepEqual(again, rules);
});

test('malformed lifecycle documents are MalformedXML', () => {
  const bad = [
    '<LifecycleConfiguration><Rule><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>', // no filter
    '<LifecycleConfiguration><Rule><Filter/><Status>On</Status></Rule></LifecycleConfiguration>',
    '<LifecycleConfiguration><Rule><Filter/><Status>Enabled</Status><Expiration><Days>x</Days></Expiration></Rule></LifecycleConfiguration>',
    '<LifecycleConfiguration><Rule><Filter/>',
    '<Other/>',
    '<!DOCTYPE x [<!ENTITY a "b">]><LifecycleConfiguration/>',
  ];
  for (const b of bad) assert.throws(() => parseLifecycleXml(b), (e: unknown) => isAwsError(e) && e.code === 'MalformedXML', b);
});
