/**
 * YAML parsing with the settings that match CodeBuild's Go agent (go-yaml v2): YAML 1.1 scalars
 * (`yes` is a boolean), duplicate keys allowed, merge keys handled by the reader, only the first
 * document read. Syntax errors are reported in libyaml's words, which is what AWS prints
 * (messages.ts `yamlSyntax`), at the position the `yaml` package found them.
 */
import { isAlias, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { yamlSyntax } from './messages.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  diagnostics: Diagnostic[];
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.1',
    keepSourceTokens: true,
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    lineCounter: lines,
  });
  const diagnostics: Diagnostic[] = [];
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lines.linePos(Math.max(0, offset));
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };
  const seen = new Set<string>();
  for (const error of doc.errors) {
    const pos = position(error.pos[0]);
    // The `yaml` package may report one spot twice under different codes that map to one text.
    const { problem, scanner } = libyamlProblem(error);
    const id = `${pos.line}:${pos.column}:${error.code === 'MULTIPLE_DOCS' ? error.code : problem}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (error.code === 'MULTIPLE_DOCS') {
      // go-yaml's Unmarshal decodes the first document and never looks at the rest.
      diagnostics.push({
        file, ...pos, severity: 'warning', code: 'YAML_MULTIPLE_DOCUMENTS',
        message: `Only the first YAML document is read; the rest of the file is ignored at line ${pos.line}`,
      });
      continue;
    }
    diagnostics.push({
      file, ...pos, severity: 'error', code: 'YAML_SYNTAX',
      message: yamlSyntax(problem, awsLine(pos.line, scanner)),
    });
  }
  if (doc.errors.every((e) => e.code === 'MULTIPLE_DOCS')) diagnostics.push(...unknownAnchors(doc, file, position));
  return { doc, lines, diagnostics };
}

/**
 * The line AWS prints. go-yaml v2 reports libyaml's 0-based mark, adding one only for scanner
 * errors, and omits the line when the mark is on the first line (CodeBuild then prints "line 0",
 * as seen in a real log). Inferred from go-yaml v2's `parser.fail`; the Diagnostic keeps the true line.
 */
export function awsLine(line: number, scanner: boolean): number {
  const zeroBased = line - 1;
  if (zeroBased === 0) return 0;
  return scanner ? zeroBased + 1 : zeroBased;
}

/** Best-effort translation of the `yaml` package's error into libyaml's problem text. */
export function libyamlProblem(error: YAMLError): { problem: string; scanner: boolean } {
  const message = error.message;
  switch (error.code) {
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      return { problem: 'found character that cannot start any token', scanner: true };
    case 'BAD_DQ_ESCAPE':
      return { problem: 'found unknown escape character', scanner: true };
    case 'KEY_OVER_1024_CHARS':
    case 'MULTILINE_IMPLICIT_KEY':
      return { problem: "could not find expected ':'", scanner: true };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message.includes('Nested mappings')
        ? { problem: 'mapping values are not allowed in this context', scanner: true }
        : { problem: 'did not find expected key', scanner: false };
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_IN_FLOW':
      if (/quote/i.test(message)) return { problem: 'found unexpected end of stream', scanner: true };
      if (message.includes(']')) return { problem: "did not find expected ',' or ']'", scanner: false };
      if (message.includes('}')) return { problem: "did not find expected ',' or '}'", scanner: false };
      if (message.includes('Implicit map keys')) return { problem: "could not find expected ':'", scanner: true };
      return { problem: 'did not find expected key', scanner: false };
    default:
      return { problem: lowerFirst(message), scanner: false };
  }
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** go-yaml refuses an alias whose anchor is not defined before it ("unknown anchor 'x' referenced"). */
function unknownAnchors(
  doc: Document.Parsed,
  file: string,
  position: (offset: number) => { line: number; column: number },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node) || node.resolve(doc) !== undefined) return;
      const pos = position(node.range?.[0] ?? 0);
      out.push({
        file, ...pos, severity: 'error', code: 'YAML_UNKNOWN_ANCHOR',
        message: yamlSyntax(`unknown anchor '${node.source}' referenced`, pos.line),
      });
    },
  });
  return out;
}
