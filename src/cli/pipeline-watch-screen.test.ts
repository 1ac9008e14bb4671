import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiveScreen, displayWidth, rowsOf } from './pipeline-watch-screen.js';

test('displayWidth: escapes take no columns, Japanese takes two per character', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('\x1b[32m✔\x1b[0m ok'), 4);
  assert.equal(displayWidth('承認待ち'), 8);
  assert.equal(displayWidth('⠋ 進入待ち'), 10);
});

test('rowsOf: wrapped rows of a long line; an empty line is one row', () => {
  assert.equal(rowsOf('', 80), 1);
  assert.equal(rowsOf('x'.repeat(80), 80), 1);
  assert.equal(rowsOf('x'.repeat(81), 80), 2);
  assert.equal(rowsOf('承'.repeat(41), 80), 2);
});

test('LiveScreen: one write per frame, moves up over the last frame (wrapped rows included), clears leftovers', () => {
  const writes: string[] = [];
  const screen = new LiveScreen({ write: (t) => writes.push(t), isTTY: true, columns: 10 });
  screen.draw(['one', 'x'.repeat(15)]);
  assert.equal(writes[0], '\x1b[?25l\rone\x1b[K\n\r' + 'x'.repeat(15) + '\x1b[K\n\x1b[J');
  screen.draw(['two']);
  // The previous frame took 1 + 2 rows.
  assert.equal(writes[1], '\x1b[3A\rtwo\x1b[K\n\x1b[J');
  screen.draw(['x'.repeat(10)]);
  // A line that exactly fills its row gets no ESC[K (it would erase the last character).
  assert.equal(writes[2], '\x1b[1A\r' + 'x'.repeat(10) + '\n\x1b[J');
  screen.close();
  assert.equal(writes[3], '\x1b[?25h');
  screen.close();
  assert.equal(writes.length, 4);
});
