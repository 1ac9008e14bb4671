import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTagCount, MAX_TAGS, mergeTags } from './tags.js';

describe('connection tags', () => {
  it('replaces known keys in place and appends new ones', () => {
    assert.deepEqual(
      mergeTags([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], [{ Key: 'c', Value: '3' }, { Key: 'a', Value: 'x' }]),
      [{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '2' }, { Key: 'c', Value: '3' }],
    );
  });

  it('keeps the last value of a key repeated in one request', () => {
    assert.deepEqual(mergeTags([], [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }]), [{ Key: 'k', Value: '2' }]);
  });

  it(`allows ${MAX_TAGS} tags and no more`, () => {
    const tags = Array.from({ length: MAX_TAGS }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    checkTagCount(tags);
    assert.throws(() => checkTagCount([...tags, { Key: 'one-more', Value: '' }]), { code: 'TagLimitExceeded' });
  });
});
