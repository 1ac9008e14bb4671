/**
 * Runs a benchmark's main(); a failure prints its stack and exits non-zero (the exit handler in
 * cleanup.ts then kills servers and removes temp dirs).
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
}

/** `--name N` from argv as a number, or the default. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Whether `--name` (a switch without a value) is on the command line. */
export function switchFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
