/**
 * AWS model `pattern`s are Java regular expressions, and AWS (Coral, on the JVM) matches them
 * against the whole value (`Matcher.matches()`): DynamoDB rejects TableName 'abc;' for the
 * unanchored pattern `[a-zA-Z0-9_.-]+`. This converts one to an anchored JS RegExp.
 *
 * Contract: never throws. A pattern that uses a Java construct JS cannot express faithfully
 * (possessive quantifiers, atomic groups, \Q…\E quoting, class intersection/union, inline flags
 * mid-pattern) compiles to `undefined`, and callers skip the check: accepting a value AWS would
 * reject is better than rejecting one it accepts.
 */

const cache = new Map<string, RegExp | undefined>();

/** The compiled pattern (cached), or undefined when it cannot be converted safely. */
export function compileJavaPattern(pattern: string): RegExp | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const compiled = convert(pattern);
  cache.set(pattern, compiled);
  return compiled;
}

/** Java's POSIX-style classes (ASCII-only in Java by default) as JS class contents. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const SYNTAX = new Set('^$\\.*+?()[]{}|/');

function convert(pattern: string): RegExp | undefined {
  if (pattern.includes('(?>') || pattern.includes('\\Q')) return undefined;
  let source = pattern;
  let flags = '';
  // Java allows leading inline flags like (?i); JS only has them as RegExp flags.
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    flags = inline[1];
    source = source.slice(inline[0].length);
  }
  if (/\(\?[a-zA-Z-]+[):]/.test(source)) return undefined;
  const translated = translate(source);
  if (translated === undefined) return undefined;
  const anchored = `^(?:${translated})$`;
  // `u` is required for \p{L} and friends; without \p{…} the non-unicode mode is an acceptable fallback.
  return tryCompile(anchored, `${flags}u`) ?? (anchored.includes('\\p{') ? undefined : tryCompile(anchored, flags));
}

/**
 * One pass over the pattern: expands POSIX classes, maps \A \z \Z, drops identity escapes that
 * Java allows and JS's `u` mode rejects (`\:` `\!` `\=` …), and refuses nested classes and
 * possessive quantifiers (`a*+`).
 */
function translate(src: string): string | undefined {
  let out = '';
  let inClass = false;
  let afterQuantifier = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    const quantified: boolean = afterQuantifier;
    afterQuantifier = false;
    if (!inClass && (c === '*' || c === '+' || c === '?') && src[i - 1] !== '(') {
      if (quantified && c === '+') return undefined;
      afterQuantifier = !quantified; // `*?` is lazy, and a quantifier after it is an error anyway
      out += c;
      continue;
    }
    const counted = inClass || c !== '{' ? null : /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
    if (counted) {
      out += counted[0];
      i += counted[0].length - 1;
      afterQuantifier = true;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if ((next === 'p' || next === 'P') && src[i + 1] === '{') {
        const end = src.indexOf('}', i);
        if (end < 0) return undefined;
        const name = src.slice(i + 2, end).replace(/^Is/, '');
        i = end;
        const posix = POSIX[name];
        if (posix === undefined) out += `\\${next}{${name}}`;
        else if (next === 'P') {
          if (inClass) return undefined;
          out += `[^${posix}]`;
        } else out += inClass ? posix : `[${posix}]`;
      } else if (!inClass && next === 'A') out += '^';
      else if (!inClass && (next === 'z' || next === 'Z')) out += '$';
      else if (/[A-Za-z0-9]/.test(next) || SYNTAX.has(next)) out += `\\${next}`;
      else if (next === '-') out += inClass ? '\\-' : '-';
      else out += next;
      continue;
    }
    if (c === '[') {
      if (inClass) return undefined; // Java class union `[a[b]]`: JS would read it differently
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i] ?? '';
      continue;
    }
    if (inClass && c === '&' && src[i + 1] === '&') return undefined; // class intersection
    if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

function tryCompile(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
