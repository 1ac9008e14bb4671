/** Glob semantics of spec A.12 (`*` inside a segment, `**` across directories, dotfiles included). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlob, splitPath } from './glob.js';

const cases: Array<[pattern: string, path: string, matches: boolean]> = [
  ['file.jar', 'file.jar', true],
  ['file.jar', 'dir/file.jar', false],
  ['dir/file.jar', 'dir/file.jar', true],
  ['dir/*', 'dir/a.txt', true],
  ['dir/*', 'dir/sub/a.txt', false], // `*` never crosses `/`
  ['dir/**/*', 'dir/a.txt', true], // `**` spans zero directories too
  ['dir/**/*', 'dir/sub/deeper/a.txt', true],
  ['dir/**/*', 'other/a.txt', false],
  ['**/*', 'a.txt', true],
  ['**/*', 'x/y/z/a.txt', true],
  ['**/*', '.env', true], // no dotfile rule (Go filepath.Match semantics)
  ['**/*', '.git/config', true],
  ['*', '.hidden', true],
  ['**/*.xml', 'reports/junit.xml', true],
  ['**/*.xml', 'junit.xml', true],
  ['**/junit.xml', 'packages/a/junit.xml', true],
  ['*/my-file3.txt', 'my-subdirectory/my-file3.txt', true], // the base-directory example of A.12
  ['*/my-file3.txt', 'my-file3.txt', false],
  ['target/*.jar', 'target/app.jar', true],
  ['target/*.jar', 'target/app.war', false],
  ['RPMS/x86_64/cbsample*.rpm', 'RPMS/x86_64/cbsample-1.0.rpm', true],
  ['my-build*', 'my-build1', true],
  ['my-build*', 'my-builds/x', false],
  ['file?.txt', 'file1.txt', true],
  ['file?.txt', 'file10.txt', false],
  ['[ab].txt', 'a.txt', true],
  ['[!ab].txt', 'a.txt', false],
  ['[!ab].txt', 'c.txt', true],
  ['\\*.txt', '*.txt', true],
  ['\\*.txt', 'a.txt', false],
  ['a**b', 'axxb', true], // `**` inside a segment is just `*`
  ['a**b', 'ax/xb', false],
  ['**/**/x', 'x', true],
  ['./dist/*', 'dist/a.js', true],
  ['dist//*', 'dist/a.js', true],
  ['{a,b}.txt', 'a.txt', false], // braces are literal
  ['{a,b}.txt', '{a,b}.txt', true],
  ['a+b(c).txt', 'a+b(c).txt', true],
  ['[unclosed', '[unclosed', true],
];

for (const [pattern, path, expected] of cases) {
  test(`glob ${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
    assert.equal(compileGlob(pattern).matches(splitPath(path)), expected);
  });
}

test('canDescend prunes directories nothing below can match', () => {
  const glob = compileGlob('src/*/index.ts');
  assert.equal(glob.canDescend(['src']), true);
  assert.equal(glob.canDescend(['src', 'a']), true);
  assert.equal(glob.canDescend(['src', 'a', 'index.ts']), false);
  assert.equal(glob.canDescend(['node_modules']), false);
  assert.equal(compileGlob('**/*').canDescend(['a', 'b', 'c']), true);
});
