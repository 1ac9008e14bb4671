import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { awsCli } from './lib/aws-cli.js';
import { makeTempDir, removeTempDir } from './lib/cleanup.js';
import { dirSize } from './lib/dir-size.js';
import { machine, machineLine, watchOtherWork } from './lib/machine.js';
import { numberFlag, runMain } from './lib/main.js';
import { startServer, type Server } from './lib/nagare.js';
import { cpuMs, readMemory, RssSampler } from './lib/proc.js';
import { sha256File, writeRandomFile } from './lib/random-file.js';
import { requestLines } from './lib/server-log.js';
import { progress, Report, type Cell } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { timeProcess } from './lib/time-process.js';

/**
 * Big object: a 1 GiB random file through `aws s3 cp` (upload, then download) against plain `cp`
 * of the same file on the same disk — the physical limit. The server's memory is sampled during
 * each transfer to show it streams (stays bounded) instead of buffering the object.
 */
const BUCKET = 'nagare-bench-big';

interface Step {
  name: string;
  ms: number;
  serverPeakRssMiB?: number;
  serverHwmMiB?: number;
  serverCpuS?: number;
}

async function main(): Promise<void> {
  const mib = numberFlag('mib', 1024);
  const bytes = mib * 2 ** 20;
  const m = await machine();
  const other = watchOtherWork(m);
  const report = new Report('big-object');
  const work = await makeTempDir('big');
  const dataDir = await makeTempDir('big-data');
  const src = join(work, 'source.bin');
  const copy = join(work, 'copy.bin');
  const down = join(work, 'download.bin');
  let server: Server | undefined;
  let mismatch: string | undefined;
  try {
    progress(`generating ${mib} MiB of random bytes`);
    let t = performance.now();
    const srcSha = await writeRandomFile(src, bytes);
    const steps: Step[] = [{ name: `generate ${mib} MiB random (node, reference)`, ms: performance.now() - t }];

    progress('plain cp');
    steps.push({ name: 'cp (physical limit)', ms: await timeProcess('cp', [src, copy]) });
    t = performance.now();
    await timeProcess('sync', [copy]);
    steps.push({ name: 'cp + sync of the copy', ms: (steps[1]?.ms ?? 0) + performance.now() - t });
    await rm(copy);

    server = await startServer({ dataDir });
    const pid = server.pid;
    await awsCli(server.endpoint, ['s3', 'mb', `s3://${BUCKET}`]);
    const before = readMemory(pid);

    const transfer = async (name: string, args: string[]): Promise<Step> => {
      progress(name);
      const sampler = new RssSampler(pid, 50);
      const cpu0 = cpuMs(pid);
      const run = await awsCli(server?.endpoint ?? '', ['s3', 'cp', '--only-show-errors', ...args]);
      return { name, ms: run.ms, serverPeakRssMiB: sampler.stop(), serverHwmMiB: readMemory(pid)?.hwmMiB ?? Number.NaN, serverCpuS: (cpuMs(pid) - cpu0) / 1000 };
    };
    steps.push(await transfer('aws s3 cp upload', [src, `s3://${BUCKET}/big.bin`]));
    const storedBytes = await dirSize(join(dataDir, 'blobs'));
    const phases = await uploadPhases(join(dataDir, 'nagare.log'));
    steps.push(await transfer('aws s3 cp download', [`s3://${BUCKET}/big.bin`, down]));

    progress('sha256 of the download');
    const downSha = await sha256File(down);
    const equal = downSha === srcSha;
    const cp = steps[1]?.ms ?? Number.NaN;
    const mbps = (ms: number): number => bytes / 1e6 / (ms / 1000);

    report.table({
      title: `big object: ${mib} MiB through aws s3 cp vs plain cp (same disk)`,
      columns: ['step', 'seconds', 'MB/s', '× cp time', 'server VmRSS peak MiB', 'server VmHWM MiB', 'server CPU s'],
      rows: steps.map((s): Cell[] => [
        s.name, round(s.ms / 1000, 2), round(mbps(s.ms), 0), round(s.ms / cp, 1),
        s.serverPeakRssMiB === undefined ? undefined : round(s.serverPeakRssMiB, 0),
        s.serverHwmMiB === undefined ? undefined : round(s.serverHwmMiB, 0),
        s.serverCpuS === undefined ? undefined : round(s.serverCpuS, 1),
      ]),
      notes: [
        `server VmRSS before the transfers: ${round(before?.rssMiB ?? Number.NaN, 0)} MiB (VmHWM ${round(before?.hwmMiB ?? Number.NaN, 0)} MiB); blob store after upload: ${round(storedBytes / 2 ** 20, 0)} MiB`,
        ...(phases ? [`upload as the server saw it: ${phases.parts} UploadPart requests (p50 ${round(phases.partP50Ms, 0)} ms, max ${round(phases.partMaxMs, 0)} ms each, 10 in parallel), CompleteMultipartUpload ${round(phases.completeMs / 1000, 2)} s`] : []),
        `sha256 of download ${equal ? 'equals' : 'DIFFERS FROM'} the source (${srcSha.slice(0, 16)}…)`,
        'aws CLI defaults: multipart above 8 MiB, 8 MiB parts, 10 concurrent requests; MB = 10^6 bytes',
      ],
    });
    report.json({
      bytes,
      sha256Equal: equal,
      serverRssBeforeMiB: round(before?.rssMiB ?? Number.NaN),
      blobStoreAfterUploadMiB: round(storedBytes / 2 ** 20),
      ...(phases ? { uploadPhases: { parts: phases.parts, partP50Ms: phases.partP50Ms, partMaxMs: phases.partMaxMs, completeMs: phases.completeMs } } : {}),
      steps: steps.map((s) => ({
        name: s.name, seconds: round(s.ms / 1000, 2), mbPerS: round(mbps(s.ms)), timesCp: round(s.ms / cp, 2),
        ...(s.serverPeakRssMiB === undefined ? {} : { serverPeakRssMiB: round(s.serverPeakRssMiB), serverHwmMiB: round(s.serverHwmMiB ?? Number.NaN), serverCpuS: round(s.serverCpuS ?? Number.NaN, 2) }),
      })),
    });
    if (!equal) mismatch = `downloaded object differs: sha256 ${downSha} ≠ ${srcSha}`;
  } finally {
    await server?.stop();
    await removeTempDir(work);
    await removeTempDir(dataDir);
  }
  const o = other.finish();
  report.print(machineLine(m, o), { ...m, otherWork: o });
  if (mismatch) throw new Error(mismatch);
}

/** Per-request durations of the multipart upload, from the server's own request log. */
async function uploadPhases(logFile: string): Promise<{ parts: number; partP50Ms: number; partMaxMs: number; completeMs: number } | undefined> {
  const lines = (await requestLines(logFile)).filter((l) => l.operation.endsWith('/big.bin'));
  const parts = summarize(lines.filter((l) => l.method === 'PUT').map((l) => l.ms));
  const complete = lines.filter((l) => l.method === 'POST').map((l) => l.ms);
  if (parts.n === 0 || complete.length === 0) return undefined;
  return { parts: parts.n, partP50Ms: parts.p50, partMaxMs: parts.max, completeMs: Math.max(...complete) };
}

runMain(main);
