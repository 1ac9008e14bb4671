import { randomInt } from 'node:crypto';
import { smError } from './errors.js';

export interface RandomPasswordInput {
  passwordLength?: number;
  excludeCharacters?: string;
  excludeNumbers?: boolean;
  excludePunctuation?: boolean;
  excludeUppercase?: boolean;
  excludeLowercase?: boolean;
  includeSpace?: boolean;
  requireEachIncludedType?: boolean;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * GetRandomPassword with AWS's defaults: 32 characters from letters, digits and punctuation, at
 * least one of each included type. Uses the CSPRNG; the password is never logged.
 */
export function getRandomPassword(input: RandomPasswordInput): string {
  const length = input.passwordLength ?? 32;
  const excluded = new Set(input.excludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((c) => !excluded.has(c)).join('');
  const classes = [
    input.excludeLowercase ? '' : keep(LOWER),
    input.excludeUppercase ? '' : keep(UPPER),
    input.excludeNumbers ? '' : keep(DIGITS),
    input.excludePunctuation ? '' : keep(PUNCTUATION),
    input.includeSpace ? keep(' ') : '',
  ].filter((c) => c.length > 0);
  const alphabet = classes.join('');
  if (alphabet.length === 0) throw smError('InvalidParameterException', 'The password can\'t be generated: every character type is excluded.');
  const requireEach = input.requireEachIncludedType ?? true;
  if (requireEach && length < classes.length) {
    throw smError('InvalidParameterException', 'Password length is too short based on the required types.');
  }
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)] as string);
  if (requireEach) {
    // Put one character of each class at distinct random positions.
    const positions = new Set<number>();
    while (positions.size < classes.length) positions.add(randomInt(length));
    [...positions].forEach((pos, i) => {
      const cls = classes[i] as string;
      chars[pos] = cls[randomInt(cls.length)] as string;
    });
  }
  return chars.join('');
}
