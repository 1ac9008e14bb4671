import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trackChild } from './cleanup.js';
import { git, gitEnv, type PipelineApi } from './pipeline.js';
import { CREDENTIALS, REGION, sendSigned } from './sigv4.js';

/**
 * A repository with a realistic history for the git-source benchmark, made with plain git
 * (`git fast-import`, then `git repack -adf`): source-like text files (lines of words, names and
 * numbers, ≈ 3× compressible) edited a few at a time, a few binary assets (random bytes) replaced
 * now and then, new files added along the way, a lightweight tag every 50 commits. Seeded, so the
 * text is the same every run (the binary assets are random bytes either way).
 */

export interface HistoryOptions {
  commits: number;
  /** Text files in the first commit; one more every `addEvery` commits. */
  initialTextFiles: number;
  addEvery: number;
  binaryFiles: number;
  /** A binary asset is replaced every `replaceBinaryEvery` commits. */
  replaceBinaryEvery: number;
  tagEvery: number;
  seed: number;
}

export const DEFAULT_HISTORY: HistoryOptions = {
  commits: 300,
  initialTextFiles: 145,
  addEvery: 6,
  binaryFiles: 8,
  replaceBinaryEvery: 25,
  tagEvery: 50,
  seed: 20261207,
};

export interface HistoryFacts {
  gitDir: string;
  head: string;
  commits: number;
  tags: number;
  /** Files in the tip's tree and their summed size (bytes). */
  filesAtHead: number;
  treeBytes: number;
  /** `git count-objects -v` size-pack after the repack, bytes. */
  packBytes: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class TextGen {
  private readonly words: string[];
  constructor(private readonly rnd: () => number) {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    this.words = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 9) }, () => letters[Math.floor(rnd() * 26)]).join(''));
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }

  private token(): string {
    const r = this.rnd();
    const w = (): string => this.words[this.int(this.words.length)] ?? 'x';
    if (r < 0.6) return w();
    if (r < 0.8) return `${w()}${w().replace(/^./, (c) => c.toUpperCase())}`;
    if (r < 0.9) return String(this.int(100000));
    return ['=', '(', ')', '{', '}', ';', '=>', '+', '.', ','][this.int(10)] ?? ';';
  }

  line(): string {
    const indent = '  '.repeat(this.int(4));
    return indent + Array.from({ length: 2 + this.int(10) }, () => this.token()).join(' ');
  }

  /** Lines adding up to about `bytes`. */
  lines(bytes: number): string[] {
    const out: string[] = [];
    for (let n = 0; n < bytes; ) {
      const l = this.line();
      out.push(l);
      n += l.length + 1;
    }
    return out;
  }
}

/** Writes the history into a new bare repository `gitDir` (branch main) and returns its facts. */
export async function generateHistory(gitDir: string, home: string, scratch: string, o: HistoryOptions = DEFAULT_HISTORY): Promise<HistoryFacts> {
  const rnd = mulberry32(o.seed);
  const gen = new TextGen(rnd);
  const int = (n: number): number => Math.floor(rnd() * n);
  const textSize = (): number => Math.round(2000 * Math.exp(rnd() * Math.log(20))); // 2–40 KB, log-uniform
  const binSize = (): number => 64 * 1024 + int(128 * 1024);
  const texts = new Map<string, string[]>();
  const binaries: string[] = [];
  let nextText = 0;
  const newTextPath = (): string => {
    const i = nextText++;
    const ext = ['ts', 'ts', 'ts', 'md', 'json', 'sh'][i % 6] ?? 'ts';
    return `src/module${String(i % 17).padStart(2, '0')}/file${String(i).padStart(3, '0')}.${ext}`;
  };

  const parts: Buffer[] = [];
  const put = (s: string | Buffer): void => {
    parts.push(typeof s === 'string' ? Buffer.from(s) : s);
  };
  const data = (b: Buffer): void => {
    put(`data ${b.length}\n`);
    put(b);
    put('\n');
  };
  const modify = (path: string, content: Buffer): void => {
    put(`M 100644 inline ${path}\n`);
    data(content);
  };
  const textContent = (lines: readonly string[]): Buffer => Buffer.from(lines.join('\n') + '\n');

  let tags = 0;
  for (let c = 1; c <= o.commits; c++) {
    const when = 1_700_000_000 + c * 3_600;
    put(`commit refs/heads/main\nmark :${c}\n`);
    put(`author Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n`);
    const changes: [string, Buffer][] = [];
    if (c === 1) {
      for (let i = 0; i < o.initialTextFiles; i++) {
        const p = newTextPath();
        texts.set(p, gen.lines(textSize()));
        changes.push([p, textContent(texts.get(p) ?? [])]);
      }
      for (let i = 0; i < o.binaryFiles; i++) {
        const p = `assets/asset${i}.bin`;
        binaries.push(p);
        changes.push([p, randomBytes(binSize())]);
      }
    } else {
      const paths = [...texts.keys()];
      const edits = 1 + int(4);
      for (let e = 0; e < edits; e++) {
        const p = paths[int(paths.length)] ?? '';
        const lines = texts.get(p) ?? [];
        const touched = Math.max(1, Math.round(lines.length * (0.03 + rnd() * 0.1)));
        for (let k = 0; k < touched; k++) {
          const r = rnd();
          const at = int(lines.length + 1);
          if (r < 0.6 && lines.length > 0) lines[Math.min(at, lines.length - 1)] = gen.line();
          else if (r < 0.85) lines.splice(at, 0, gen.line());
          else if (lines.length > 10) lines.splice(at, 1);
        }
        changes.push([p, textContent(lines)]);
      }
      if (c % o.addEvery === 0) {
        const p = newTextPath();
        texts.set(p, gen.lines(textSize()));
        changes.push([p, textContent(texts.get(p) ?? [])]);
      }
      if (c % o.replaceBinaryEvery === 0) changes.push([binaries[int(binaries.length)] ?? 'assets/asset0.bin', randomBytes(binSize())]);
    }
    data(Buffer.from(c === 1 ? 'Initial import\n' : `Change ${c}: ${changes.map(([p]) => p.split('/').pop()).join(', ')}\n`));
    if (c > 1) put(`from :${c - 1}\n`);
    const seen = new Map(changes); // a path edited twice in one commit: the last content
    for (const [p, b] of seen) modify(p, b);
    put('\n');
    if (c % o.tagEvery === 0) {
      put(`reset refs/tags/v0.${c / o.tagEvery}.0\nfrom :${c}\n\n`);
      tags++;
    }
  }
  put('done\n');

  const stream = join(scratch, 'history.fi');
  await writeFile(stream, Buffer.concat(parts));
  await git(scratch, home, 'init', '-q', '--bare', '-b', 'main', gitDir);
  await gitWithStdin(gitDir, home, stream, ['fast-import', '--quiet', '--done']);
  await rm(stream, { force: true });
  await git(gitDir, home, 'repack', '-a', '-d', '-f', '-q');
  await git(gitDir, home, 'prune-packed');
  const head = (await git(gitDir, home, 'rev-parse', 'refs/heads/main')).trim();
  const tree = (await git(gitDir, home, 'ls-tree', '-r', '-l', 'refs/heads/main')).trim().split('\n');
  const treeBytes = tree.reduce((a, l) => a + Number(l.split(/\s+/)[3] ?? 0), 0);
  const counts = await git(gitDir, home, 'count-objects', '-v');
  const packKiB = Number(/^size-pack: (\d+)/m.exec(counts)?.[1] ?? Number.NaN);
  return { gitDir, head, commits: o.commits, tags, filesAtHead: tree.length, treeBytes, packBytes: packKiB * 1024 };
}

function gitWithStdin(cwd: string, home: string, inputFile: string, args: readonly string[]): Promise<void> {
  return open(inputFile, 'r').then(async (fh) => {
    try {
      const child = spawn('git', args, { cwd, env: gitEnv(home), stdio: [fh.fd, 'ignore', 'pipe'] });
      trackChild(child);
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((ok, fail) => child.once('close', (code) => (code === 0 ? ok() : fail(new Error(`git ${args.join(' ')} exited ${code}: ${err}`)))));
    } finally {
      await fh.close();
    }
  });
}

/** CodeStar Connections CreateConnection (JSON 1.0, signing name codestar-connections); returns the ARN. */
export async function createConnection(api: PipelineApi, name: string): Promise<string> {
  const signer = new SignatureV4({ service: 'codestar-connections', region: REGION, credentials: CREDENTIALS, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
  const r = await sendSigned(signer, api.port, api.agent, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'com.amazonaws.codestar.connections.CodeStar_connections_20191201.CreateConnection' },
    body: Buffer.from(JSON.stringify({ ProviderType: 'GitHub', ConnectionName: name })),
  });
  if (r.status !== 200) throw new Error(`CreateConnection → HTTP ${r.status}: ${r.body.toString().slice(0, 500)}`);
  return (JSON.parse(r.body.toString()) as { ConnectionArn: string }).ConnectionArn;
}
