import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, toXml, XmlSequence } from '../../../aws/index.js';
import { urlEncodeKey } from '../http.js';
import { decodeToken, encodeToken } from '../handlers/list-objects.js';

test('toXml: element order, repeated elements, interleaved sequences, dates with ms, omitted undefined', () => {
  const xml = toXml('ListVersionsResult', {
    Name: 'b',
    IsTruncated: false,
    Skip: undefined,
    Entries: new XmlSequence([
      ['Version', { Key: 'a', VersionId: '2', LastModified: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }],
      ['DeleteMarker', { Key: 'a', VersionId: '1' }],
      ['Version', { Key: 'b<&>', VersionId: 'null' }],
    ]),
    CommonPrefixes: [{ Prefix: 'p/' }, { Prefix: 'q/' }],
  });
  assert.equal(xml, '<?xml version="1.0" encoding="UTF-8"?>\n<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    + '<Name>b</Name><IsTruncated>false</IsTruncated>'
    + '<Version><Key>a</Key><VersionId>2</VersionId><LastModified>2026-01-02T03:04:05.000Z</LastModified></Version>'
    + '<DeleteMarker><Key>a</Key><VersionId>1</VersionId></DeleteMarker>'
    + '<Version><Key>b&lt;&amp;&gt;</Key><VersionId>null</VersionId></Version>'
    + '<CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>q/</Prefix></CommonPrefixes></ListVersionsResult>');
});

test('parseXml: repeated elements become arrays; wrong root and DOCTYPE are MalformedXML', () => {
  const doc = parseXml('<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key> a </Key></Object><Object><Key>b</Key></Object><Quiet>true</Quiet></Delete>', 'Delete');
  assert.deepEqual(doc.Object, [{ Key: ' a ' }, { Key: 'b' }]);
  assert.throws(() => parseXml('<Other/>', 'Delete'), /not well-formed/);
  assert.throws(() => parseXml('<!DOCTYPE Delete [<!ENTITY e "x">]><Delete>&e;</Delete>', 'Delete'), /not well-formed/);
});

test('EncodingType=url encoding decodes back with decodeURIComponent and with + as literal plus', () => {
  for (const key of ['a b', 'c+d', 'e%f', 'dir/sub/é', "q'!()*", '日本']) {
    const enc = urlEncodeKey(key);
    assert.doesNotMatch(enc, /[ +'!()*]/);
    assert.equal(decodeURIComponent(enc), key);
  }
  assert.equal(urlEncodeKey('a b/c'), 'a%20b/c');
});

test('continuation tokens round-trip and reject garbage', () => {
  assert.equal(decodeToken(encodeToken('dir/ü')), 'dir/ü');
  assert.throws(() => decodeToken('garbage'), /continuation token/);
});
