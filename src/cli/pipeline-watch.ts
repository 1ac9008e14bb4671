/**
 * `nagare pipeline watch <name>`: follows one pipeline execution until it is over and returns the
 * exit code (pipeline-watch-decide.ts has the mapping). The decisions and the drawing are pure
 * (pipeline-watch-decide, -view, -render); this loop only polls, sleeps and writes. bin/ supplies
 * the environment, the streams and the Ctrl+C signal; tests inject the API, clock and sleep.
 */
import { awsJsonClient } from './build-aws-client.js';
import type { Terminal } from './build-progress.js';
import type { Lang } from './messages.js';
import { pipelineApi } from './pipeline-api.js';
import type { PipelineApi } from './pipeline-api.js';
import { pt } from './pipeline-messages.js';
import type { PipelineExecution, PipelineState } from './pipeline-types.js';
import { toMs } from './pipeline-types.js';
import { parseWatchArgs } from './pipeline-watch-args.js';
import type { WatchArgs } from './pipeline-watch-args.js';
import type { Target, WatchFailure } from './pipeline-watch-decide.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, classifyFailure, exitCodeForStatus, initialTarget, isTerminalExecution, nextTarget, shouldGiveUp } from './pipeline-watch-decide.js';
import { formatDuration, renderPipelineView, spinnerFrame, statusEvents } from './pipeline-watch-render.js';
import { LiveScreen } from './pipeline-watch-screen.js';
import type { FollowMemory } from './pipeline-watch-view.js';
import { emptyMemory, observe } from './pipeline-watch-view.js';

export interface PipelineWatchDeps {
  argv: readonly string[];
  lang: Lang;
  /** NAGARE_ENDPOINT_URL, AWS_REGION/AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID/… of the invoking process. */
  env: Readonly<Record<string, string | undefined>>;
  stdout: Terminal;
  stderr: { write(text: string): void };
  /** Aborted on Ctrl+C: watching stops (exit 130); the pipeline is left alone. */
  signal?: AbortSignal;
  /** Whether colors are allowed at all (bin/: a TTY and no NO_COLOR). */
  color: boolean;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The CodePipeline reads; default: the signed JSON client to args.endpoint. */
  api?: (args: WatchArgs) => PipelineApi;
}

/** Spinner frame period on a terminal; polls still happen every --interval-ms. */
const FRAME_MS = 100;
/** A request that takes longer than this counts as a failed poll. */
const REQUEST_TIMEOUT_MS = 15_000;

export async function runPipelineWatch(deps: PipelineWatchDeps): Promise<number> {
  const parsed = parseWatchArgs(deps.argv, deps.env);
  if ('help' in parsed) {
    deps.stdout.write(pt(parsed.lang ?? deps.lang, 'watch_help') + '\n');
    return 0;
  }
  if ('problems' in parsed) {
    deps.stderr.write(parsed.problems.map((p) => `nagare pipeline watch: ${p}`).join('\n') + '\n' + pt(deps.lang, 'watch_usage_hint') + '\n');
    return EXIT_ERROR;
  }
  const args = parsed.args;
  const api =
    deps.api?.(args) ??
    pipelineApi(awsJsonClient({ endpoint: args.endpoint, region: args.region, credentials: args.credentials, timeoutMs: REQUEST_TIMEOUT_MS, ...(deps.signal ? { signal: deps.signal } : {}) }));
  return new Watch(deps, args, api).run();
}

class Interrupted extends Error {}
class GaveUp extends Error {
  constructor(readonly failure: WatchFailure) {
    super(failure.kind);
  }
}

class Watch {
  private readonly lang: Lang;
  private readonly tty: boolean;
  private readonly color: boolean;
  private readonly now: () => Date;
  private readonly sleepFn: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly screen: LiveScreen;
  private frame = 0;
  private failures = 0;
  private answered = false;
  private retryNotice: string | undefined;
  /** Non-TTY: the last printed sig per event key. */
  private readonly printed = new Map<string, string>();
  private view: (() => string[]) | undefined;

  constructor(
    private readonly deps: PipelineWatchDeps,
    private readonly args: WatchArgs,
    private readonly api: PipelineApi,
  ) {
    this.lang = args.lang ?? deps.lang;
    this.tty = deps.stdout.isTTY === true;
    this.color = this.tty && deps.color && args.color;
    this.now = deps.now ?? ((): Date => new Date());
    this.sleepFn = deps.sleep ?? abortableSleep;
    this.screen = new LiveScreen(deps.stdout);
  }

  async run(): Promise<number> {
    try {
      return await this.watch();
    } catch (err) {
      this.screen.close();
      if (err instanceof Interrupted || this.deps.signal?.aborted) {
        this.deps.stderr.write(pt(this.lang, 'watch_interrupted') + '\n');
        return EXIT_INTERRUPTED;
      }
      if (err instanceof GaveUp) {
        this.deps.stderr.write(this.failureMessage(err.failure) + '\n');
        return EXIT_ERROR;
      }
      throw err;
    }
  }

  private async watch(): Promise<number> {
    const name = this.args.pipelineName;
    await this.call(() => this.api.getPipelineState(name));
    let target: Target = initialTarget(await this.call(() => this.api.listPipelineExecutions(name)), this.args.executionId);
    if (target.kind === 'wait') {
      const waiting = pt(this.lang, 'watch_waiting', { name });
      if (!this.tty) this.deps.stdout.write(waiting + '\n');
      this.view = (): string[] => [`${spinnerFrame(this.frame)} ${waiting}`];
      while (target.kind === 'wait') {
        await this.pause();
        const known = target.known;
        target = nextTarget(known, await this.call(() => this.api.listPipelineExecutions(name)));
      }
    }
    return this.follow(target);
  }

  private async follow(target: Extract<Target, { kind: 'follow' }>): Promise<number> {
    const name = this.args.pipelineName;
    const id = target.executionId;
    let memory: FollowMemory = emptyMemory(id, toMs(target.startTime));
    let first = true;
    for (;;) {
      const execution = await this.call(() => this.api.getPipelineExecution(name, id));
      const state = await this.call(() => this.api.getPipelineState(name));
      memory = observe(memory, state.stageStates, this.now().getTime());
      if (first && !this.tty) this.deps.stdout.write(pt(this.lang, 'watch_following', { id, name, status: execution.status }) + '\n');
      this.show(state, execution, memory);
      if (isTerminalExecution(execution.status)) {
        // Over before we looked: the list's lastUpdateTime is when it ended; otherwise it ended just now.
        const endMs = first ? toMs(target.lastUpdateTime) : this.now().getTime();
        return this.finish(execution, memory.startMs !== undefined && endMs !== undefined ? endMs - memory.startMs : undefined);
      }
      first = false;
      await this.pause();
    }
  }

  private show(state: PipelineState, execution: PipelineExecution, memory: FollowMemory): void {
    const opts = { lang: this.lang, memory, endpoint: this.args.endpoint, region: this.args.region, pipelineName: this.args.pipelineName };
    if (this.tty) {
      this.view = (): string[] => renderPipelineView(state, execution, this.now(), { ...opts, color: this.color, frame: this.frame });
      this.redraw();
      return;
    }
    for (const event of statusEvents(state, execution, this.now(), opts)) {
      if (this.printed.get(event.key) === event.sig) continue;
      this.printed.set(event.key, event.sig);
      this.deps.stdout.write(event.line + '\n');
    }
  }

  private finish(execution: PipelineExecution, elapsedMs: number | undefined): number {
    this.screen.close();
    const vars = { id: execution.pipelineExecutionId, name: this.args.pipelineName, status: execution.status };
    const line = elapsedMs !== undefined ? pt(this.lang, 'watch_result', { ...vars, elapsed: formatDuration(elapsedMs) }) : pt(this.lang, 'watch_result_no_time', vars);
    const summary = execution.status !== 'Succeeded' && execution.statusSummary ? ` — ${execution.statusSummary.split('\n')[0]}` : '';
    this.deps.stdout.write((this.tty ? '\n' : '') + line + summary + '\n');
    return exitCodeForStatus(execution.status);
  }

  /** One API call: a transient failure is retried after a pause (up to a limit), others end the watch. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    for (;;) {
      this.checkAborted();
      try {
        const result = await fn();
        this.answered = true;
        this.failures = 0;
        if (this.retryNotice !== undefined) {
          this.retryNotice = undefined;
          this.redraw();
        }
        return result;
      } catch (err) {
        this.checkAborted();
        const failure = classifyFailure(err);
        this.failures++;
        if (shouldGiveUp(failure, this.failures, this.answered)) throw new GaveUp(failure);
        const detail = failure.kind === 'unreachable' ? failure.detail : failure.kind === 'api' ? `${failure.code}: ${failure.message}` : failure.kind;
        const notice = pt(this.lang, 'watch_retrying', { detail });
        if (!this.tty && this.retryNotice === undefined) this.deps.stdout.write(notice + '\n');
        this.retryNotice = notice;
        this.redraw();
        await this.pause();
      }
    }
  }

  /** Waits one poll interval; on a terminal the spinner and durations move meanwhile. */
  private async pause(): Promise<void> {
    const end = this.now().getTime() + this.args.intervalMs;
    if (!this.tty) {
      await this.sleepFn(this.args.intervalMs, this.deps.signal);
      this.checkAborted();
      return;
    }
    for (;;) {
      const left = end - this.now().getTime();
      if (left <= 0) return;
      await this.sleepFn(Math.min(FRAME_MS, left), this.deps.signal);
      this.checkAborted();
      this.frame++;
      this.redraw();
    }
  }

  private redraw(): void {
    if (!this.tty || this.view === undefined) return;
    const lines = this.view();
    if (this.retryNotice !== undefined) lines.push('', this.color ? `\x1b[33m${this.retryNotice}\x1b[0m` : this.retryNotice);
    this.screen.draw(lines);
  }

  private checkAborted(): void {
    if (this.deps.signal?.aborted) throw new Interrupted();
  }

  private failureMessage(f: WatchFailure): string {
    const { endpoint, pipelineName: name, region } = this.args;
    switch (f.kind) {
      case 'unreachable':
        return pt(this.lang, 'watch_unreachable', { endpoint, detail: f.detail });
      case 'pipeline-not-found':
        return pt(this.lang, 'watch_pipeline_not_found', { name, endpoint, region });
      case 'execution-not-found':
        return pt(this.lang, 'watch_execution_not_found', { name, id: this.args.executionId ?? '?' });
      case 'api':
        return pt(this.lang, 'watch_api_error', { endpoint, code: f.code, message: f.message });
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}
