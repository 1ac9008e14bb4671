#!/usr/bin/env node
// Enforces DESIGN.md §2 import rules on src/: which module may import which, imports of another
// module only through its index.ts, and no cycles between modules. Prints every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname, 'src');
const DOMAIN = ['pipeline', 'build', 'source', 'deploy', 'registry', 'objects', 'secrets', 'logs', 'connections'];
const allowed = {
  shared: [],
  config: ['shared'],
  runtime: ['shared'],
  store: ['shared'],
  engine: ['shared', 'store'],
  aws: ['shared'], // aws/protocol, aws/models, aws/gateway: protocol only
  services: ['shared', 'aws', ...DOMAIN],
  cli: ['shared', 'config', 'build'],
  web: ['shared'],
  bin: null, // anything
};
for (const d of DOMAIN) allowed[d] = ['shared', 'runtime', 'store', 'engine', ...DOMAIN.filter((x) => x !== d)];

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) files.push(p);
  }
})(root);

const moduleOf = (file) => relative(root, file).split(sep)[0];
const errors = [];
const edges = new Map();
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

for (const file of files) {
  const src = readFileSync(file, 'utf8');
  const from = moduleOf(file);
  const isTest = file.endsWith('.test.ts');
  for (const m of src.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    const to = moduleOf(target);
    if (to === from || to.startsWith('..')) continue;
    const where = `${relative(root, file)} → ${spec}`;
    const rule = allowed[from];
    if (rule === undefined) errors.push(`${where}: module '${from}' is not in the import table (DESIGN.md §2)`);
    else if (rule !== null && !rule.includes(to)) errors.push(`${where}: '${from}' may not import '${to}'`);
    // Only through index.ts: the target must be <module>/index.js (or a sub-area's index for aws).
    const relTarget = relative(root, target).split(sep);
    const isIndex = relTarget[relTarget.length - 1] === 'index.js';
    const deepOk = isIndex && (relTarget.length === 2 || (to === 'aws' && relTarget.length === 3) || (to === 'services' && relTarget.length === 3));
    if (!deepOk && !isTest) errors.push(`${where}: import '${to}' only through its index.ts`);
    if (!isTest) {
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
}

// Cycles between modules.
const state = new Map();
function visit(node, path) {
  state.set(node, 'active');
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'active') errors.push(`import cycle: ${[...path, node, next].join(' → ')}`);
    else if (!state.has(next)) visit(next, [...path, node]);
  }
  state.set(node, 'done');
}
for (const node of edges.keys()) if (!state.has(node)) visit(node, []);

if (errors.length > 0) {
  console.error(`import rules: ${errors.length} violation(s)\n` + errors.map((e) => '  ' + e).join('\n'));
  process.exit(1);
}
console.log(`import rules: ok (${files.length} files)`);
