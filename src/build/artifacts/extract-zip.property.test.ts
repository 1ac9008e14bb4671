/**
 * Property (DESIGN.md §6): for any entry names and symlink targets — random segments mixing
 * `..`, `.`, `/`, `\`, drive letters and ordinary names — extractZip either refuses with an
 * AppError or writes only inside destDir; nothing ever appears next to it.
 */
import assert from 'node:assert/strict';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../../shared/index.js';
import { extractZip } from './extract-zip.js';
import { craftZip, removeAll, tempDir } from './test-support.js';
import type { CraftedEntry } from './test-support.js';

const segment = fc.oneof(
  fc.constantFrom('..', '.', '', 'a', 'b', 'C:', 'c:', '\\', '..\\..', '/', 'x.txt', '~'),
  fc.string({ maxLength: 4 }),
);
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).chain((parts) =>
  fc.constantFrom('/', '\\').map((sep) => parts.join(sep)),
);
const entry: fc.Arbitrary<CraftedEntry> = fc.oneof(
  path.map((name) => ({ name, data: 'x' })),
  fc.tuple(path, path).map(([name, link]) => ({ name, link })),
);

test('extractZip never writes outside destDir', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: (e) => e.name }), async (entries) => {
      const sandbox = await tempDir('nagare-zipprop-');
      const dest = join(sandbox, 'dest');
      try {
        await extractZip(craftZip(entries), dest).catch((err: unknown) => {
          if (!isAppError(err)) throw err;
        });
        assert.deepEqual((await readdir(sandbox)).filter((n) => n !== 'dest'), []);
        await assertInside(dest, await realpath(sandbox).then((s) => join(s, 'dest')));
      } finally {
        await removeAll(sandbox);
      }
    }),
    { numRuns: 300 },
  );
});

/** Every entry below dest is a real file or directory inside it, or a link resolving inside (or dangling). */
async function assertInside(dir: string, realDest: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    const info = await lstat(p);
    if (info.isSymbolicLink()) {
      const real = await realpath(p).catch(() => undefined);
      if (real !== undefined) assert.ok(!relative(realDest, real).startsWith('..'), `${p} -> ${real}`);
    } else if (info.isDirectory()) {
      await assertInside(p, realDest);
    }
  }
}
