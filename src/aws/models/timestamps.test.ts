import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTimestamp, parseTimestamp } from './timestamps.js';

describe('timestamps', () => {
  const parses: Array<[input: number | string, iso: string | undefined]> = [
    [1543431490.226, '2018-11-28T18:58:10.226Z'],
    [0, '1970-01-01T00:00:00.000Z'],
    ['2018-11-28T18:58:10.226Z', '2018-11-28T18:58:10.226Z'],
    ['2018-11-28T20:58:10+02:00', '2018-11-28T18:58:10.000Z'],
    // No zone means UTC on AWS, whatever the server's local zone.
    ['2018-11-28T18:58:10', '2018-11-28T18:58:10.000Z'],
    ['2018-11-28 18:58:10', '2018-11-28T18:58:10.000Z'],
    ['2018-11-28', '2018-11-28T00:00:00.000Z'],
    ['Wed, 28 Nov 2018 18:58:10 GMT', '2018-11-28T18:58:10.000Z'],
    ['1543431490', undefined],
    ['May', undefined],
    ['2018-13-45', undefined],
  ];
  for (const [input, iso] of parses) {
    it(`parses ${JSON.stringify(input)}`, () => {
      assert.equal(parseTimestamp(input)?.toISOString(), iso);
    });
  }

  it('formats epoch seconds with the millisecond fraction by default, or the requested format', () => {
    const d = new Date('2018-11-28T18:58:10.226Z');
    assert.equal(formatTimestamp(d), 1543431490.226);
    assert.equal(formatTimestamp(new Date(1000)), 1);
    assert.equal(formatTimestamp(d, 'iso8601'), '2018-11-28T18:58:10.226Z');
    assert.equal(formatTimestamp(d, 'rfc822'), 'Wed, 28 Nov 2018 18:58:10 GMT');
  });
});
