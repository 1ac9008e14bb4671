/**
 * Pure rendering of `nagare pipeline watch`: the full view redrawn on a terminal
 * (`renderPipelineView`) and the one-line-per-status-change events for pipes and CI
 * (`statusEvents`). Both read the followed execution's stages through pipeline-watch-view.
 */
import type { Lang } from './messages.js';
import { pt } from './pipeline-messages.js';
import type { PipelineExecution, PipelineState } from './pipeline-types.js';
import { isTerminalExecution } from './pipeline-watch-decide.js';
import { displayWidth } from './pipeline-watch-screen.js';
import type { ActionView, FollowMemory, StageView } from './pipeline-watch-view.js';
import { emptyMemory, observe, stageViews } from './pipeline-watch-view.js';

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  /** Spinner frame (any integer; taken modulo the frame count). */
  frame: number;
  /** Follow memory; without one the view is built from this state alone. */
  memory?: FollowMemory;
  /** For the put-approval-result command. */
  endpoint: string;
  region: string;
  pipelineName: string;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const GREEN = '32';
const RED = '31';
const YELLOW = '33';
const CYAN = '36';
const DIM = '2';
const BOLD = '1';

type Paint = (sgr: string, text: string) => string;

export function spinnerFrame(n: number): string {
  return SPINNER[((n % SPINNER.length) + SPINNER.length) % SPINNER.length]!;
}

/** The terminal view: a header, then each stage with its actions, details indented below. */
export function renderPipelineView(state: PipelineState, execution: PipelineExecution, now: Date, opts: RenderOptions): string[] {
  const paint: Paint = (sgr, text) => (opts.color && text !== '' ? `\x1b[${sgr}m${text}\x1b[0m` : text);
  const memory = observe(opts.memory ?? emptyMemory(execution.pipelineExecutionId), state.stageStates, now.getTime());
  const stages = stageViews(state.stageStates, memory);
  const spin = spinnerFrame(opts.frame);
  const nameWidth = Math.max(8, ...stages.map((s) => s.name.length), ...stages.flatMap((s) => s.actions.map((a) => a.name.length + 4)));
  const labels = stages.flatMap((s) => [stageLabel(s, opts.lang), ...s.actions.map((a) => actionLabel(a, opts.lang))]);
  const labelWidth = Math.max(0, ...labels.map(displayWidth));

  // A finished execution's end is not in these answers: the elapsed time is shown while it runs only.
  const elapsed = memory.startMs !== undefined && !isTerminalExecution(execution.status) ? formatDuration(now.getTime() - memory.startMs) : '';
  const lines = [
    paint(BOLD, pt(opts.lang, 'watch_header', { name: opts.pipelineName, id: execution.pipelineExecutionId })),
    `${statusIcon(execution.status, spin, paint)} ${paint(colorOf(execution.status), execution.status)}${elapsed ? `  ${elapsed}` : ''}`,
  ];
  if (execution.statusSummary) lines.push(`  ${clip(execution.statusSummary)}`);
  lines.push('');
  for (const stage of stages) {
    const label = stageLabel(stage, opts.lang);
    lines.push(`${stageIcon(stage.status, spin, paint)} ${stage.name.padEnd(nameWidth)}  ${paint(stageColor(stage.status), label)}`);
    if (stage.transitionDisabled) {
      const reason = stage.transitionDisabled.reason ? `: ${clip(stage.transitionDisabled.reason)}` : '';
      lines.push(`    ${paint(YELLOW, '⊘')} ${paint(YELLOW, pt(opts.lang, 'watch_transition_disabled') + reason)}`);
    }
    for (const action of stage.actions) lines.push(...actionLines(stage, action, { now, opts, paint, spin, nameWidth, labelWidth }));
    for (const inbound of stage.inbound) {
      const text = pt(opts.lang, 'watch_inbound', { id: inbound.executionId.slice(0, 8), status: inbound.status ?? '?' });
      lines.push(`    ${paint(inbound.ours ? YELLOW : DIM, '⧗')} ${paint(inbound.ours ? '' : DIM, text)}${inbound.ours ? `  ← ${pt(opts.lang, 'watch_inbound_ours')}` : ''}`);
    }
  }
  return lines;
}

interface LineContext {
  now: Date;
  opts: RenderOptions;
  paint: Paint;
  spin: string;
  nameWidth: number;
  labelWidth: number;
}

function actionLines(stage: StageView, a: ActionView, c: LineContext): string[] {
  const { paint, opts } = c;
  const label = actionLabel(a, opts.lang);
  const color = a.approvalToken ? YELLOW : colorOf(a.status);
  const icon = a.approvalToken ? paint(YELLOW, '◆') : a.status === undefined ? paint(DIM, '○') : statusIcon(a.status, c.spin, paint);
  const duration = durationOf(a, c.now);
  const percent = a.status === 'InProgress' && a.percent !== undefined ? ` ${a.percent}%` : '';
  const ext = a.externalId ? `  ${paint(DIM, a.externalId)}` : '';
  const head = `    ${icon} ${a.name.padEnd(c.nameWidth - 4)}  ${padWidth(paint(color, label), c.labelWidth)}  ${duration.padStart(6)}${percent}${ext}`;
  const out = [head.trimEnd()];
  const indent = '        ';
  if (a.summary) out.push(`${indent}${clip(a.summary)}`);
  if (a.error) out.push(`${indent}${paint(RED, `✖ ${clip(a.error)}`)}`);
  if (a.approvalToken) {
    out.push(`${indent}${pt(opts.lang, 'watch_approve_with')}`);
    out.push(`${indent}${paint(BOLD, approvalCommand(opts, stage.name, a.name, a.approvalToken))}`);
    out.push(`${indent}${paint(DIM, pt(opts.lang, 'watch_reject_hint'))}`);
  }
  if (a.externalUrl && a.status !== undefined) out.push(`${indent}${paint(DIM, a.externalUrl)}`);
  return out;
}

export interface StatusEvent {
  /** What changed: `stage:<name>`, `action:<stage>/<action>`, `transition:<stage>`, `execution`. */
  key: string;
  /** The status identity; a new line is printed when it differs from the last one printed for the key. */
  sig: string;
  line: string;
}

/**
 * The status of everything, as plain lines (no colors, no icons) keyed for change detection. Not
 * reached stages and not run actions have no line. A finished stage comes after its actions.
 */
export function statusEvents(state: PipelineState, execution: PipelineExecution, now: Date, opts: Omit<RenderOptions, 'color' | 'frame'>): StatusEvent[] {
  const memory = observe(opts.memory ?? emptyMemory(execution.pipelineExecutionId), state.stageStates, now.getTime());
  const events: StatusEvent[] = [];
  if (execution.status === 'Stopping') events.push({ key: 'execution', sig: execution.status, line: pt(opts.lang, 'watch_event_execution', { id: execution.pipelineExecutionId, status: execution.status }) });
  for (const stage of stageViews(state.stageStates, memory)) {
    if (stage.transitionDisabled) {
      const reason = stage.transitionDisabled.reason ? ` (${clip(stage.transitionDisabled.reason)})` : '';
      events.push({ key: `transition:${stage.name}`, sig: 'disabled', line: pt(opts.lang, 'watch_event_transition', { stage: stage.name, reason }) });
    }
    const stageEvent: StatusEvent[] =
      stage.status === 'NotReached' ? [] : [{ key: `stage:${stage.name}`, sig: stage.status, line: pt(opts.lang, 'watch_event_stage', { stage: stage.name, status: stageLabel(stage, opts.lang) }) }];
    const actionEvents = stage.actions.filter((a) => a.status !== undefined).map((a) => actionEvent(stage, a, now, opts));
    const settled = stage.status !== 'InProgress' && stage.status !== 'Waiting' && stage.status !== 'Stopping';
    events.push(...(settled ? [...actionEvents, ...stageEvent] : [...stageEvent, ...actionEvents]));
  }
  return events;
}

function actionEvent(stage: StageView, a: ActionView, now: Date, opts: Omit<RenderOptions, 'color' | 'frame'>): StatusEvent {
  const key = `action:${stage.name}/${a.name}`;
  if (a.approvalToken) {
    return { key, sig: `approval:${a.approvalToken}`, line: pt(opts.lang, 'watch_event_approval', { stage: stage.name, action: a.name, command: approvalCommand(opts, stage.name, a.name, a.approvalToken) }) };
  }
  const status = a.status ?? '';
  const duration = status !== 'InProgress' ? durationOf(a, now) : '';
  const parts = [pt(opts.lang, 'watch_event_action', { stage: stage.name, action: a.name, status })];
  if (duration) parts.push(`(${duration})`);
  if (a.externalId) parts.push(`[${a.externalId}]`);
  const detail = status === 'Failed' && a.error ? a.error : a.summary;
  return { key, sig: status, line: parts.join(' ') + (detail ? ` — ${clip(detail)}` : '') };
}

/** The exact AWS CLI command that approves a pending manual approval against this nagare. */
export function approvalCommand(opts: Pick<RenderOptions, 'endpoint' | 'region' | 'pipelineName'>, stage: string, action: string, token: string): string {
  return [
    'aws codepipeline put-approval-result',
    `--pipeline-name ${shq(opts.pipelineName)}`,
    `--stage-name ${shq(stage)}`,
    `--action-name ${shq(action)}`,
    '--result summary=Approved,status=Approved',
    `--token ${shq(token)}`,
    `--endpoint-url ${shq(opts.endpoint)}`,
    `--region ${shq(opts.region)}`,
  ].join(' ');
}

/** `42s`, `3m05s`, `2h07m`, `3d04h` (approvals may wait for days). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d${two(Math.floor((s % 86_400) / 3600))}h`;
}

function durationOf(a: ActionView, now: Date): string {
  if (a.startMs === undefined) return '';
  const end = a.status === 'InProgress' ? now.getTime() : a.endMs;
  return end === undefined ? '' : formatDuration(end - a.startMs);
}

function stageLabel(s: StageView, lang: Lang): string {
  if (s.status === 'NotReached') return pt(lang, 'watch_not_reached');
  if (s.status === 'Waiting') return pt(lang, 'watch_stage_waiting');
  return s.status;
}

function actionLabel(a: ActionView, lang: Lang): string {
  if (a.approvalToken) return pt(lang, 'watch_approval_pending');
  return a.status ?? '';
}

function colorOf(status: string | undefined): string {
  switch (status) {
    case 'Succeeded':
      return GREEN;
    case 'Failed':
      return RED;
    case 'InProgress':
      return CYAN;
    case 'Stopped':
    case 'Stopping':
    case 'Cancelled':
    case 'Superseded':
    case 'Abandoned':
      return YELLOW;
    default:
      return DIM;
  }
}

function stageColor(status: string): string {
  return status === 'Waiting' ? YELLOW : colorOf(status);
}

function statusIcon(status: string, spin: string, paint: Paint): string {
  switch (status) {
    case 'Succeeded':
      return paint(GREEN, '✔');
    case 'Failed':
      return paint(RED, '✖');
    case 'InProgress':
      return paint(CYAN, spin);
    case 'Stopped':
    case 'Stopping':
      return paint(YELLOW, '■');
    case 'Cancelled':
    case 'Superseded':
    case 'Abandoned':
      return paint(YELLOW, '⊘');
    case 'Skipped':
      return paint(DIM, '↷');
    default:
      return paint(DIM, '•');
  }
}

function stageIcon(status: string, spin: string, paint: Paint): string {
  if (status === 'NotReached') return paint(DIM, '○');
  if (status === 'Waiting') return paint(YELLOW, '⧗');
  return statusIcon(status, spin, paint);
}

/** Pads to `width` terminal columns (escapes take none, wide characters two). */
function padWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** One line of at most 160 characters: summaries can be whole commit messages. */
function clip(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/** Quotes for a POSIX shell only when needed (names and ids normally need none). */
function shq(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
