/**
 * Random access to a zip held in memory or on disk, so extraction reads the central directory
 * and then each entry's bytes in bounded chunks instead of loading a large file whole.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

export interface ZipSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`, or fewer only at end of file. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openZipSource(zip: string | Uint8Array): Promise<ZipSource> {
  if (typeof zip !== 'string') return bytesSource(zip);
  const handle = await open(zip, 'r');
  try {
    return fileSource(handle, (await handle.stat()).size);
  } catch (err) {
    await handle.close();
    throw err;
  }
}

function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    close: async () => undefined,
  };
}

function fileSource(handle: FileHandle, size: number): ZipSource {
  return {
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(want);
      let done = 0;
      while (done < want) {
        const { bytesRead } = await handle.read(buffer, done, want - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
