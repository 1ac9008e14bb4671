import { readFile } from 'node:fs/promises';

/** One `request` line of nagare's structured log (pino JSON), as far as the benchmarks read it. */
export interface RequestLine {
  method: string;
  operation: string;
  status: number;
  ms: number;
}

/** The `request` lines of a server log; lines that do not look like one are skipped. */
export async function requestLines(logFile: string): Promise<RequestLine[]> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const out: RequestLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('"msg":"request"')) continue;
    try {
      const v = JSON.parse(line) as Partial<RequestLine>;
      if (typeof v.method === 'string' && typeof v.operation === 'string' && typeof v.status === 'number' && typeof v.ms === 'number') {
        out.push({ method: v.method, operation: v.operation, status: v.status, ms: v.ms });
      }
    } catch {
      // a line cut by a concurrent write: ignore
    }
  }
  return out;
}
