import { INVALID_PATTERN, type CompileResult } from './types.js';

/**
 * Unstructured filter patterns (AWS "Filter pattern syntax for unstructured log events"):
 *   ERROR Exception       every plain term must occur (case-sensitive substring)
 *   "Failed to process"   a quoted phrase is one term; \" and \\ escape inside quotes
 *   ?ERROR ?WARN          at least one ?term must occur (when any are given)
 *   ERROR -Exiting        no -term may occur
 *   %ERR(OR)?\d+%         a regular expression term (JavaScript syntax stands in for AWS's subset)
 * nagare is more lenient than AWS about punctuation in unquoted terms (AWS answers "Invalid
 * character(s) in term"); a term that is only a marker, or an empty quoted term, is refused as AWS does.
 */
type TermTest = (message: string) => boolean;

interface Term {
  kind: 'required' | 'optional' | 'excluded';
  test: TermTest;
}

export function compileTermPattern(pattern: string): CompileResult {
  const terms: Term[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let kind: Term['kind'] = 'required';
    if (c === '?' || c === '-') {
      kind = c === '?' ? 'optional' : 'excluded';
      i++;
      if (i >= pattern.length || /\s/.test(pattern[i]!)) return { ok: false, message: `Invalid character(s) in term '${c}'` };
    }
    const read = pattern[i] === '"' ? readQuoted(pattern, i) : readBare(pattern, i);
    if (!read.ok) return read;
    i = read.next;
    const test = termTest(read.text, read.quoted);
    if (!test.ok) return test;
    terms.push({ kind, test: test.test });
  }
  const required = terms.filter((t) => t.kind === 'required').map((t) => t.test);
  const optional = terms.filter((t) => t.kind === 'optional').map((t) => t.test);
  const excluded = terms.filter((t) => t.kind === 'excluded').map((t) => t.test);
  return {
    ok: true,
    match: (m) => required.every((t) => t(m)) && excluded.every((t) => !t(m)) && (optional.length === 0 || optional.some((t) => t(m))),
  };
}

type Read = { ok: true; text: string; quoted: boolean; next: number } | { ok: false; message: string };

function readQuoted(s: string, start: number): Read {
  let text = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && (s[i + 1] === '"' || s[i + 1] === '\\')) {
      text += s[++i];
    } else if (c === '"') {
      if (text === '') return { ok: false, message: `Invalid character(s) in term '""'` };
      return { ok: true, text, quoted: true, next: i + 1 };
    } else {
      text += c;
    }
  }
  return { ok: false, message: INVALID_PATTERN };
}

function readBare(s: string, start: number): Read {
  // A regular expression term runs to its closing % and may contain spaces and quotes.
  const close = s[start] === '%' ? s.indexOf('%', start + 1) : -1;
  if (close > start + 1) return { ok: true, text: s.slice(start, close + 1), quoted: false, next: close + 1 };
  let i = start;
  while (i < s.length && !/\s/.test(s[i]!) && s[i] !== '"') i++;
  if (i < s.length && s[i] === '"') return { ok: false, message: `Invalid character(s) in term '${s.slice(start, i + 1)}'` };
  return { ok: true, text: s.slice(start, i), quoted: false, next: i };
}

function termTest(text: string, quoted: boolean): { ok: true; test: TermTest } | { ok: false; message: string } {
  if (!quoted && text.length >= 2 && text.startsWith('%') && text.endsWith('%')) {
    try {
      const re = new RegExp(text.slice(1, -1));
      return { ok: true, test: (m) => re.test(m) };
    } catch {
      return { ok: false, message: INVALID_PATTERN };
    }
  }
  return { ok: true, test: (m) => m.includes(text) };
}
