import { INVALID_PATTERN, type CompileResult } from './types.js';

/**
 * JSON filter patterns (AWS "Filter pattern syntax for JSON log events"), e.g.
 *   { $.level = "error" }   { $.latency > 50 && $.user.id != 7 }   { ($.a = 1) || $.b IS TRUE }
 *   { $.tags[0] = "x*" }    { $.items[*].id = 3 }   { $.gone NOT EXISTS }   { $.v IS NULL }
 * Strings compare exactly, with `*` as a wildcard; numbers compare numerically. A selector that
 * is absent matches nothing but NOT EXISTS; a message that is not a JSON object matches nothing.
 */
type Pred = (doc: unknown) => boolean;
type Tok = { t: 'sel'; path: PathStep[] } | { t: 'op'; v: string } | { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'word'; v: string } | { t: 'punct'; v: string };
type PathStep = { key: string } | { index: number } | { any: true };

class PatternError extends Error {}

export function compileJsonPattern(pattern: string): CompileResult {
  const body = pattern.trim();
  if (!body.endsWith('}')) return { ok: false, message: "If a filter pattern starts with '{' it must end with '}'" };
  try {
    const p = new Parser(tokenize(body.slice(1, -1)));
    const pred = p.expr();
    if (!p.done()) throw new PatternError(INVALID_PATTERN);
    return {
      ok: true,
      match: (message) => {
        const doc = parseJsonObject(message);
        return doc !== undefined && pred(doc);
      },
    };
  } catch (err) {
    return { ok: false, message: err instanceof PatternError ? err.message : INVALID_PATTERN };
  }
}

function parseJsonObject(message: string): unknown {
  const s = message.trim();
  if (!s.startsWith('{') && !s.startsWith('[')) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '$') {
      const path: PathStep[] = [];
      i++;
      for (;;) {
        const key = /^\.([A-Za-z0-9_\-@:]+|\*)/.exec(s.slice(i));
        const idx = /^\[(\d+|\*)\]/.exec(s.slice(i));
        if (key) path.push(key[1] === '*' ? { any: true } : { key: key[1]! });
        else if (idx) path.push(idx[1] === '*' ? { any: true } : { index: Number(idx[1]) });
        else break;
        i += (key ?? idx)![0].length;
      }
      if (path.length === 0) throw new PatternError(INVALID_PATTERN);
      out.push({ t: 'sel', path });
    } else if (c === '"') {
      let v = '';
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) v += s[j] === '\\' && j + 1 < s.length ? s[++j] : s[j];
      if (j >= s.length) throw new PatternError(INVALID_PATTERN);
      out.push({ t: 'str', v });
      i = j + 1;
    } else {
      const op = /^(!=|<=|>=|&&|\|\||=|<|>)/.exec(s.slice(i));
      const num = /^-?\d+(\.\d+)?([eE][-+]?\d+)?(?![A-Za-z0-9_*])/.exec(s.slice(i));
      const word = /^[A-Za-z0-9_.*\-:/@]+/.exec(s.slice(i));
      if (op) out.push({ t: 'op', v: op[1]! });
      else if (c === '(' || c === ')') out.push({ t: 'punct', v: c });
      else if (num) out.push({ t: 'num', v: Number(num[0]) });
      else if (word) out.push({ t: 'word', v: word[0] });
      else throw new PatternError(`Invalid character(s) in term '${c}'`);
      i += op ? op[0].length : num ? num[0].length : word ? word[0].length : 1;
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }

  expr(): Pred {
    let left = this.and();
    while (this.isOp('||')) {
      this.i++;
      const right = this.and();
      const l = left;
      left = (d) => l(d) || right(d);
    }
    return left;
  }

  private and(): Pred {
    let left = this.unary();
    while (this.isOp('&&')) {
      this.i++;
      const right = this.unary();
      const l = left;
      left = (d) => l(d) && right(d);
    }
    return left;
  }

  private unary(): Pred {
    const tok = this.next();
    if (tok.t === 'punct' && tok.v === '(') {
      const inner = this.expr();
      const close = this.next();
      if (close.t !== 'punct' || close.v !== ')') throw new PatternError(INVALID_PATTERN);
      return inner;
    }
    if (tok.t !== 'sel') throw new PatternError(INVALID_PATTERN);
    return this.comparison(tok.path);
  }

  private comparison(path: PathStep[]): Pred {
    const tok = this.next();
    if (tok.t === 'word' && tok.v.toUpperCase() === 'IS') {
      const what = this.next();
      const w = what.t === 'word' ? what.v.toUpperCase() : '';
      if (w === 'TRUE' || w === 'FALSE') return (d) => select(d, path).some((v) => v === (w === 'TRUE'));
      if (w === 'NULL') return (d) => select(d, path).some((v) => v === null);
      throw new PatternError(INVALID_PATTERN);
    }
    if (tok.t === 'word' && tok.v.toUpperCase() === 'NOT') {
      const what = this.next();
      if (what.t !== 'word' || what.v.toUpperCase() !== 'EXISTS') throw new PatternError(INVALID_PATTERN);
      return (d) => select(d, path).length === 0;
    }
    if (tok.t !== 'op' || tok.v === '&&' || tok.v === '||') throw new PatternError(INVALID_PATTERN);
    const value = this.next();
    if (value.t === 'num') return numeric(path, tok.v, value.v);
    if (value.t !== 'str' && value.t !== 'word') throw new PatternError(INVALID_PATTERN);
    if (tok.v !== '=' && tok.v !== '!=') throw new PatternError(INVALID_PATTERN);
    const re = wildcard(value.v);
    const eq = (v: unknown): boolean => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && re.test(String(v));
    return tok.v === '=' ? (d) => select(d, path).some(eq) : (d) => { const vs = select(d, path); return vs.length > 0 && !vs.some(eq); };
  }

  private next(): Tok {
    const tok = this.toks[this.i++];
    if (!tok) throw new PatternError(INVALID_PATTERN);
    return tok;
  }

  private isOp(v: string): boolean {
    const tok = this.toks[this.i];
    return tok?.t === 'op' && tok.v === v;
  }
}

function numeric(path: PathStep[], op: string, n: number): Pred {
  const cmp: Record<string, (a: number) => boolean> = {
    '=': (a) => a === n, '!=': (a) => a !== n, '<': (a) => a < n, '>': (a) => a > n, '<=': (a) => a <= n, '>=': (a) => a >= n,
  };
  const test = cmp[op]!;
  return (d) => select(d, path).some((v) => typeof v === 'number' && test(v));
}

function wildcard(v: string): RegExp {
  return new RegExp(`^${v.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

/** Every value the selector reaches (several through `[*]`/`.*`); [] when absent. */
function select(doc: unknown, path: readonly PathStep[]): unknown[] {
  let current: unknown[] = [doc];
  for (const step of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if ('any' in step) {
        if (Array.isArray(v)) next.push(...(v as unknown[]));
        else if (v !== null && typeof v === 'object') next.push(...Object.values(v as Record<string, unknown>));
      } else if ('index' in step) {
        if (Array.isArray(v) && step.index < v.length) next.push((v as unknown[])[step.index]);
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step.key)) {
        next.push((v as Record<string, unknown>)[step.key]);
      }
    }
    current = next;
  }
  return current;
}
