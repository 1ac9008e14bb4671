/**
 * Deploy / AWS / S3 (spec C.7): the input artifact into `BucketName` — unpacked under `ObjectKey`
 * (a prefix, optional) when `Extract` is true, else the zip itself at `ObjectKey`. Extraction goes
 * through the build module's zip reader, which refuses entries escaping their root.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createReadStream } from 'node:fs';
import { extractZip } from '../../build/index.js';
import { putObject } from '../../objects/index.js';
import { errorMessage, isAppError } from '../../shared/index.js';
import { downloadArtifact, uploadArtifact } from '../artifacts/artifact-io.js';
import { configurationError, jobFailed, type ActionOutcome, type ActionRun } from './types.js';

export async function runS3Deploy(run: ActionRun): Promise<ActionOutcome> {
  const { BucketName: bucket, Extract: extract, ObjectKey: objectKey, CacheControl: cacheControl } = run.configuration;
  const input = run.inputArtifacts[0];
  if (!bucket || (extract !== 'true' && extract !== 'false')) return configurationError('BucketName and Extract (true or false) are required');
  if (extract === 'false' && !objectKey) return configurationError('ObjectKey is required when Extract is false');
  if (!input) return configurationError('an S3 deploy action needs one input artifact');
  try {
    const zip = join(run.tmpDir, 'input.zip');
    await downloadArtifact(run.deps, input, zip);
    if (extract === 'false') {
      await uploadArtifact(run.deps, bucket, objectKey!, zip);
      return { kind: 'succeeded', summary: `s3://${bucket}/${objectKey}` };
    }
    const dir = join(run.tmpDir, 'extracted');
    await extractZip(zip, dir);
    const prefix = objectKey ? `${objectKey.replace(/\/+$/, '')}/` : '';
    let count = 0;
    for (const file of await filesUnder(dir)) {
      const key = prefix + relative(dir, file).split(sep).join('/');
      await putObject(run.deps, {
        bucket,
        key,
        body: createReadStream(file),
        attributes: { headers: { 'content-type': contentType(key), ...(cacheControl ? { 'cache-control': cacheControl } : {}) }, meta: {}, tags: [], storageClass: 'STANDARD' },
        expect: {},
      });
      count++;
    }
    return { kind: 'succeeded', summary: `${count} object(s) to s3://${bucket}/${prefix}` };
  } catch (err) {
    return jobFailed(isAppError(err) ? `${err.code}: ${err.message} (bucket ${bucket})` : errorMessage(err));
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p); // never a symlink: it could point at host files
  }
  return out.sort();
}

const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', svg: 'image/svg+xml', png: 'image/png', txt: 'text/plain' };
const contentType = (key: string): string => TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
