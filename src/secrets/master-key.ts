import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../shared/index.js';
import { MASTER_KEY_BYTES } from './cipher.js';

export interface LoadMasterKeyOptions {
  dataDir: string;
  /** `--master-key`: base64 of exactly 32 bytes. When given, no key file is read or written. */
  base64Key?: string;
}

export const MASTER_KEY_FILE = 'master.key';

/**
 * The key that encrypts secrets at rest. Precedence: the configured base64 key, else
 * `<dataDir>/master.key`, created on first start. Contracts:
 * - the file holds the key as base64 plus a newline (so it can be copied into `--master-key`);
 * - it is created with mode 0600 and published atomically (temp file, fsync, then link(2) —
 *   which, unlike rename, never replaces a key another process published a moment earlier;
 *   two replicas starting together on one data dir therefore agree on one key);
 * - a key file readable or writable by group/other is refused rather than silently used;
 * - error messages never contain key material.
 */
export async function loadMasterKey(options: LoadMasterKeyOptions): Promise<Buffer> {
  if (options.base64Key !== undefined) return decodeKey(options.base64Key, 'the configured master key (--master-key / NAGARE_MASTER_KEY)');
  const path = join(options.dataDir, MASTER_KEY_FILE);
  const existing = await readKeyFile(path);
  if (existing) return existing;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  return createKeyFile(path, options.dataDir);
}

async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw new AppError('MasterKeyUnreadable', `cannot read the master key file ${path}: ${errnoOf(err)}`, { fault: 'system', cause: err });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AppError(
      'MasterKeyFileInsecure',
      `the master key file ${path} has mode ${(mode & 0o777).toString(8).padStart(4, '0')}: group or other users may access it. ` +
        `Restrict it with \`chmod 600 ${path}\` (and check who could have read it), then start again.`,
      { fault: 'user' },
    );
  }
  const text = await readFile(path, 'utf8');
  return decodeKey(text, `the master key file ${path}`);
}

async function createKeyFile(path: string, dir: string): Promise<Buffer> {
  const key = randomBytes(MASTER_KEY_BYTES);
  const tmp = join(dir, `.${MASTER_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(key.toString('base64') + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, path);
  } catch (err) {
    if (isErrno(err, 'EEXIST')) {
      // Another process published its key first: use that one.
      await unlink(tmp);
      const theirs = await readKeyFile(path);
      if (theirs) return theirs;
      throw new AppError('MasterKeyUnreadable', `the master key file ${path} vanished while starting`, { fault: 'system' });
    }
    // File systems without hard links: fall back to rename (the race above is then possible).
    await rename(tmp, path);
    await syncDir(dir);
    return key;
  }
  await unlink(tmp);
  await syncDir(dir);
  return key;
}

async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already durable.
  }
}

function decodeKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new AppError('MasterKeyInvalid', `${what} is not valid base64; it must encode exactly ${MASTER_KEY_BYTES} random bytes (e.g. \`openssl rand -base64 32\`)`, { fault: 'user' });
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new AppError('MasterKeyInvalid', `${what} decodes to ${key.length} bytes; it must be exactly ${MASTER_KEY_BYTES} (e.g. \`openssl rand -base64 32\`)`, { fault: 'user' });
  }
  return key;
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
}

function errnoOf(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : String(err);
}
