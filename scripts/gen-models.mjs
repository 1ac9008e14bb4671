#!/usr/bin/env node
// Generates src/aws/models/generated/*.ts from the official AWS service models.
//
// Source: botocore's `data/<service>/<api-version>/service-2.json(.gz)` + `paginators-1.json`.
// Why botocore and not the npm `aws-sdk` v2 package: aws-sdk ships only `apis/*.min.json`, which
// strips every validation trait (min, max, pattern, enum), all error shapes and all shape names
// (they become S1, S2, …), so nothing can be validated from it. botocore's JSON is the same
// model format with those traits intact.
//
// Usage:
//   node scripts/gen-models.mjs                 write the files
//   node scripts/gen-models.mjs --check         exit 1 if the files on disk differ from a fresh run
//   node scripts/gen-models.mjs --botocore DIR  use the botocore package at DIR (holds __init__.py, data/)
// Without --botocore, the botocore that `python3` imports is used, then Debian's python3-botocore.
//
// Output is deterministic: object keys sorted, except structure members, `required` and `enum`,
// which keep the model's order (that order is data: validation reports members in it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'src/aws/models/generated');

/** file/export name → [botocore service directory, API version]. */
const SERVICES = [
  ['s3', 's3', '2006-03-01'],
  ['ssm', 'ssm', '2014-11-06'],
  ['secretsmanager', 'secretsmanager', '2017-10-17'],
  ['logs', 'logs', '2014-03-28'],
  ['codebuild', 'codebuild', '2016-10-06'],
  ['codepipeline', 'codepipeline', '2015-07-09'],
  ['codecommit', 'codecommit', '2015-04-13'],
  ['sts', 'sts', '2011-06-15'],
  ['ecr', 'ecr', '2015-09-21'],
  ['ecs', 'ecs', '2014-11-13'],
  ['codedeploy', 'codedeploy', '2014-10-06'],
  ['sns', 'sns', '2010-03-31'],
  ['codestarconnections', 'codestar-connections', '2019-12-01'],
  ['codeconnections', 'codeconnections', '2023-12-01'],
];

const METADATA_KEYS = ['apiVersion', 'awsQueryCompatible', 'endpointPrefix', 'jsonVersion', 'protocol',
  'serviceId', 'signingName', 'targetPrefix', 'xmlNamespace'];
const REF_KEYS = ['eventpayload', 'flattened', 'hostLabel', 'idempotencyToken', 'jsonvalue', 'location',
  'locationName', 'queryName', 'resultWrapper', 'shape', 'streaming', 'timestampFormat', 'xmlAttribute',
  'xmlNamespace'];
const SHAPE_KEYS = ['document', 'enum', 'error', 'event', 'eventstream', 'exception', 'fault', 'flattened',
  'locationName', 'max', 'min', 'pattern', 'payload', 'required', 'requiresLength', 'sensitive',
  'streaming', 'timestampFormat', 'type', 'union', 'xmlNamespace'];
const CHECKSUM_KEYS = ['requestAlgorithmMember', 'requestChecksumRequired', 'requestValidationModeMember',
  'responseAlgorithms'];
const PAGINATOR_KEYS = { input_token: 'inputToken', limit_key: 'limitKey', more_results: 'moreResults',
  output_token: 'outputToken', result_key: 'resultKey' };

// Names a generated type must not take: they shadow globals the generated file or its importers use.
const RESERVED_TYPE_NAMES = new Set(['Array', 'Blob', 'Body', 'Boolean', 'Buffer', 'Date', 'Error', 'Event',
  'Exclude', 'Extract', 'File', 'Function', 'Headers', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Omit',
  'Parameters', 'Partial', 'Pick', 'Promise', 'Readonly', 'Record', 'RegExp', 'Request', 'Required',
  'Response', 'ReturnType', 'ServiceModel', 'Set', 'StreamingBlob', 'String', 'Symbol', 'URL', 'Uint8Array',
  'any', 'bigint', 'boolean', 'never', 'null', 'number', 'object', 'string', 'symbol', 'undefined',
  'unknown', 'void', 'model']);

function parseArgs(argv) {
  const args = { check: false, botocore: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') args.check = true;
    else if (argv[i] === '--botocore') args.botocore = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function findBotocore(explicit) {
  if (explicit) return resolve(explicit);
  try {
    const out = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (out) return out;
  } catch {
    // No python3 or no botocore on its path: try the Debian package location below.
  }
  const debian = '/usr/lib/python3/dist-packages/botocore';
  if (existsSync(join(debian, 'data'))) return debian;
  throw new Error('botocore not found: install it (pip or apt python3-botocore) or pass --botocore DIR');
}

function botocoreVersion(dir) {
  const m = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync(join(dir, '__init__.py'), 'utf8'));
  if (!m) throw new Error(`no __version__ in ${dir}/__init__.py`);
  return m[1];
}

function readJson(base) {
  if (existsSync(base)) return JSON.parse(readFileSync(base, 'utf8'));
  if (existsSync(`${base}.gz`)) return JSON.parse(gunzipSync(readFileSync(`${base}.gz`)).toString('utf8'));
  return undefined;
}

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function trimRef(ref) {
  return pick(ref, REF_KEYS);
}

function trimShape(shape) {
  const out = pick(shape, SHAPE_KEYS);
  if (shape.error) out.error = pick(shape.error, ['code', 'httpStatusCode', 'senderFault']);
  if (shape.members) {
    out.members = {};
    for (const [name, ref] of Object.entries(shape.members)) out.members[name] = trimRef(ref);
  }
  for (const k of ['member', 'key', 'value']) if (shape[k]) out[k] = trimRef(shape[k]);
  return out;
}

function trimOperation(op, protocol) {
  const out = {};
  if (protocol.startsWith('rest-')) out.http = pick(op.http, ['method', 'requestUri', 'responseCode']);
  if (op.input) out.input = trimRef(op.input);
  if (op.output) out.output = trimRef(op.output);
  if (op.errors?.length) out.errors = op.errors.map((e) => e.shape).sort();
  if (op.authtype) out.authtype = op.authtype;
  if (op.auth) out.auth = op.auth;
  if (op.httpChecksum) out.httpChecksum = pick(op.httpChecksum, CHECKSUM_KEYS);
  return out;
}

function trimPaginators(pag) {
  const out = {};
  for (const [op, p] of Object.entries(pag?.pagination ?? {})) {
    const t = {};
    for (const [from, to] of Object.entries(PAGINATOR_KEYS)) if (p[from] !== undefined) t[to] = p[from];
    out[op] = t;
  }
  return out;
}

/** Shape names reachable from `roots`, following member/key/value references. */
function reachable(shapes, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name)) continue;
    const shape = shapes[name];
    if (!shape) throw new Error(`model references missing shape ${name}`);
    seen.add(name);
    for (const ref of Object.values(shape.members ?? {})) stack.push(ref.shape);
    for (const k of ['member', 'key', 'value']) if (shape[k]) stack.push(shape[k].shape);
  }
  return seen;
}

const sortKeysExcept = new Set(['members']);
/** JSON with sorted keys, except where key order is model data (see header). */
function stable(value, parentKey) {
  if (Array.isArray(value)) return `[${value.map((v) => stable(v)).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (!sortKeysExcept.has(parentKey)) keys.sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable(value[k], k)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function block(name, entries) {
  const lines = Object.keys(entries).sort().map((k) => `    ${JSON.stringify(k)}: ${stable(entries[k])},`);
  return `  ${name}: {\n${lines.join('\n')}\n  },`;
}

function isIdentifier(s) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
}

/** TypeScript type names for the structure/enum shapes, clash-free (see RESERVED_TYPE_NAMES). */
function typeNames(shapes, names, prefix) {
  const out = new Map();
  const taken = new Set(Object.keys(shapes));
  for (const name of names) {
    let ts = isIdentifier(name) ? name : name.replace(/[^A-Za-z0-9_$]/g, '_');
    if (RESERVED_TYPE_NAMES.has(ts)) ts = `${prefix}${ts}`;
    while (taken.has(ts) && ts !== name) ts = `${ts}_`;
    out.set(name, ts);
  }
  return out;
}

function emitTypes(shapes, roots, prefix, uses) {
  const names = [...reachable(shapes, roots)].sort();
  const named = names.filter((n) => isNamedType(shapes[n]));
  const tsName = typeNames(shapes, named, prefix);
  const typeOf = (shapeName) => {
    const s = shapes[shapeName];
    switch (s.type) {
      case 'structure': return s.document ? 'unknown' : tsName.get(shapeName);
      case 'string': return s.enum ? tsName.get(shapeName) : 'string';
      case 'boolean': return 'boolean';
      case 'timestamp': return 'Date';
      case 'blob':
        if (s.streaming) { uses.add('StreamingBlob'); return 'StreamingBlob'; }
        return 'Uint8Array';
      case 'list': {
        const inner = typeOf(s.member.shape);
        return isIdentifier(inner) ? `${inner}[]` : `Array<${inner}>`;
      }
      case 'map': return `Record<string, ${typeOf(s.value.shape)}>`;
      default: return 'number'; // integer, long, float, double
    }
  };
  const out = [];
  for (const name of named) {
    const s = shapes[name];
    if (s.type === 'string') {
      out.push(`export type ${tsName.get(name)} = ${s.enum.map((v) => `'${v.replace(/[\\']/g, '\\$&')}'`).join(' | ')};`);
      continue;
    }
    const required = new Set(s.required ?? []);
    const members = Object.entries(s.members ?? {}).map(([m, ref]) => {
      const key = isIdentifier(m) ? m : JSON.stringify(m);
      return `  ${key}${required.has(m) ? '' : '?'}: ${typeOf(ref.shape)};`;
    });
    out.push(members.length ? `export interface ${tsName.get(name)} {\n${members.join('\n')}\n}` : `export type ${tsName.get(name)} = Record<string, never>;`);
  }
  return out.join('\n\n');
}

function isNamedType(shape) {
  return (shape.type === 'structure' && !shape.document) || (shape.type === 'string' && Boolean(shape.enum));
}

function generateService(botocoreDir, version, [, dir, apiVersion]) {
  const base = join(botocoreDir, 'data', dir, apiVersion);
  const src = readJson(join(base, 'service-2.json'));
  if (!src) throw new Error(`missing ${base}/service-2.json(.gz)`);
  const pag = readJson(join(base, 'paginators-1.json'));
  const protocol = src.metadata.protocol;
  const ioRoots = [];
  const errorRoots = [];
  const operations = {};
  for (const [name, op] of Object.entries(src.operations)) {
    operations[name] = trimOperation(op, protocol);
    for (const r of [op.input, op.output]) if (r) ioRoots.push(r.shape);
    for (const e of op.errors ?? []) errorRoots.push(e.shape);
  }
  const shapes = {};
  for (const name of reachable(src.shapes, [...ioRoots, ...errorRoots])) shapes[name] = trimShape(src.shapes[name]);
  const prefix = src.metadata.serviceId.replace(/[^A-Za-z0-9]/g, '');
  const uses = new Set(['ServiceModel']);
  const types = emitTypes(src.shapes, ioRoots, prefix, uses);
  const header = `// Code generated by scripts/gen-models.mjs from botocore ${version} ` +
    `(data/${dir}/${apiVersion}/service-2.json). Never edit by hand: regenerate.\n`;
  const body = [
    header,
    `import type { ${[...uses].sort().join(', ')} } from '../types.js';\n`,
    types,
    '',
    'export const model: ServiceModel = {',
    `  metadata: ${stable(pick(src.metadata, METADATA_KEYS))},`,
    block('operations', operations),
    block('paginators', trimPaginators(pag)),
    block('shapes', shapes),
    '};',
    '',
  ];
  return body.join('\n');
}

function generateIndex(version) {
  const lines = [`// Code generated by scripts/gen-models.mjs from botocore ${version}. Never edit by hand: regenerate.`, ''];
  for (const [file] of SERVICES) lines.push(`export { model as ${file}Model } from './${file}.js';`);
  lines.push('');
  for (const [file] of SERVICES) lines.push(`export type * as ${file} from './${file}.js';`);
  lines.push('');
  return lines.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const botocoreDir = findBotocore(args.botocore);
  const version = botocoreVersion(botocoreDir);
  const files = new Map();
  for (const svc of SERVICES) files.set(`${svc[0]}.ts`, generateService(botocoreDir, version, svc));
  files.set('index.ts', generateIndex(version));
  if (args.check) {
    const stale = [...files].filter(([f, text]) => !existsSync(join(OUT_DIR, f)) || readFileSync(join(OUT_DIR, f), 'utf8') !== text);
    const extra = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((f) => !files.has(f)) : [];
    if (stale.length || extra.length) {
      console.error(`generated models are stale (botocore ${version} at ${botocoreDir}):`);
      for (const [f] of stale) console.error(`  differs: ${f}`);
      for (const f of extra) console.error(`  not generated: ${f}`);
      process.exit(1);
    }
    console.log(`generated models up to date (botocore ${version})`);
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [f, text] of files) writeFileSync(join(OUT_DIR, f), text);
  console.log(`wrote ${files.size} files to ${OUT_DIR} from botocore ${version}`);
}

main();
