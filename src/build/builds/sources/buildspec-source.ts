/**
 * Which buildspec a build runs (spec A.1): `buildspecOverride` > project `source.buildspec` >
 * `buildspec.yml` in the source root. The value is an S3 object ARN (`arn:aws:s3:::bucket/key`),
 * an inline YAML document, or a path relative to `$CODEBUILD_SRC_DIR`. How AWS tells inline from a
 * path is unverified: a value with a line break, or one that parses as a YAML mapping, is inline.
 */
import { parse } from 'yaml';
import type { ObjectsDeps } from '../../../objects/index.js';
import { errorMessage, isAppError } from '../../../shared/index.js';
import type { BuildspecSource } from '../../executor/index.js';
import { readObjectText, splitS3Location } from './s3-io.js';
import { SourceError } from './types.js';

const S3_ARN = 'arn:aws:s3:::';

/** Where an inline buildspec "is" (spec A.1: AWS prints `/codebuild/readonly/buildspec.yml`). */
export async function buildspecSource(deps: ObjectsDeps, value: string | undefined, inlineLocation: string): Promise<BuildspecSource> {
  const text = value?.trim() ?? '';
  if (text === '') return { path: 'buildspec.yml' };
  if (text.startsWith(S3_ARN)) {
    try {
      return { inline: await readObjectText(deps, splitS3Location(text)), location: inlineLocation };
    } catch (err) {
      throw new SourceError(`${isAppError(err) ? `${err.code}: ${err.message}` : errorMessage(err)} while reading buildspec ${text}`);
    }
  }
  return isInline(value ?? '') ? { inline: value ?? '', location: inlineLocation } : { path: text };
}

export function isInline(value: string): boolean {
  if (/[\r\n]/.test(value.trim())) return true;
  try {
    const doc: unknown = parse(value);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  } catch {
    return false;
  }
}
