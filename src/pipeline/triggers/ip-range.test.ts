import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ipInRange, parseCidr, parseIp } from './ip-range.js';

describe('CIDR membership', () => {
  const cases: Array<[cidr: string, address: string, expected: boolean | undefined]> = [
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['192.168.1.0/24', '192.168.1.77', true],
    ['192.168.1.0/24', '192.168.2.1', false],
    ['192.168.1.5/24', '192.168.1.200', true], // host bits ignored
    ['127.0.0.1', '127.0.0.1', true], // bare address = /32
    ['127.0.0.1', '127.0.0.2', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['0.0.0.0/0', '2001:db8::1', false], // an IPv4 range never admits native IPv6
    ['127.0.0.0/8', '::ffff:127.0.0.1', true], // dual-stack socket form
    ['127.0.0.0/8', '::FFFF:7f00:1', true],
    ['::ffff:127.0.0.0/104', '127.0.0.1', true],
    ['2001:db8::/32', '2001:db8:1234::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1/128', '::1', true],
    ['::1', '::1', true],
    ['::/0', '8.8.8.8', true],
    ['fe80::/10', 'fe80::1%eth0', true], // zone id ignored
    ['2001:db8::/33', '2001:db8:8000::', false],
    ['2001:db8::/33', '2001:db8:7fff::', true],
    ['10.0.0.0/8', 'not-an-ip', undefined],
    ['10.0.0.0/8', '010.0.0.1', undefined], // leading zero: refused, not read as octal
  ];
  for (const [cidr, address, expected] of cases) {
    test(`${address} in ${cidr} → ${String(expected)}`, () => {
      const r = parseCidr(cidr);
      assert.ok(r, cidr);
      assert.equal(ipInRange(address, r), expected);
    });
  }
  for (const bad of ['', '10.0.0.0/33', '::/129', '10.0.0/8', '1.2.3.4/', '1.2.3.4/-1', '1:2:3:4:5:6:7:8:9', '1::2::3', 'gggg::', '256.0.0.1']) {
    test(`invalid CIDR ${JSON.stringify(bad)}`, () => assert.equal(parseCidr(bad), undefined));
  }
});

describe('property: parseIp agrees with node:net isIP', () => {
  test('generated IPv4 and IPv6 addresses parse; a /full range contains exactly that address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.oneof(fc.ipV4(), fc.ipV6()), (a, b) => {
        assert.equal(parseIp(a) !== undefined, isIP(a) !== 0, a);
        const r = parseCidr(a);
        assert.ok(r, a);
        assert.equal(ipInRange(a, r), true);
        const same = Buffer.from(parseIp(a)?.bytes ?? []).equals(Buffer.from(parseIp(b)?.bytes ?? []));
        assert.equal(ipInRange(b, r), same);
      }),
    );
  });
});
