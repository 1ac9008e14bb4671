import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes allocated under a directory (sum of file sizes; what `du --apparent-size` counts). */
export async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += await dirSize(p);
    else if (e.isFile()) total += (await stat(p)).size;
  }
  return total;
}
