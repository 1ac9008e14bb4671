/**
 * The table `nagare build` prints when the build is over: one row per phase with its status,
 * duration and (for a failure) its context, then the verdict.
 */
import type { BuildPhase, LocalBuildResult } from '../build/index.js';
import type { Lang } from './messages.js';
import { t } from './messages.js';

export interface SummaryStyle {
  color: boolean;
}

const COLORS: Record<string, string> = { SUCCEEDED: '32', FAILED: '31', FAULT: '31', TIMED_OUT: '33', STOPPED: '33' };

export function renderSummary(lang: Lang, result: LocalBuildResult, style: SummaryStyle): string {
  const paint = (status: string, text: string): string => (style.color && COLORS[status] ? `\x1b[${COLORS[status]}m${text}\x1b[0m` : text);
  const rows = result.phases.filter((p) => p.phaseType !== 'COMPLETED').map((p) => row(p, paint));
  const header = `  ${t(lang, 'build_col_phase').padEnd(18)} ${t(lang, 'build_col_status').padEnd(10)} ${t(lang, 'build_col_duration').padStart(8)}`;
  const seconds = Math.max(0, Math.round((result.endTime.getTime() - result.startTime.getTime()) / 100) / 10);
  const verdict = paint(result.buildStatus, t(lang, 'build_result', { status: result.buildStatus, seconds }));
  return ['', header, ...rows, '', verdict, ''].join('\n');
}

function row(p: BuildPhase, paint: (status: string, text: string) => string): string {
  const status = p.phaseStatus ?? '';
  const duration = p.endTime ? `${((p.endTime.getTime() - p.startTime.getTime()) / 1000).toFixed(1)}s` : '';
  const context = p.contexts?.find((c) => c.statusCode !== '');
  const detail = context ? `  ${context.statusCode}: ${context.message.split('\n')[0]}` : '';
  return `  ${p.phaseType.padEnd(18)} ${paint(status, status.padEnd(10))} ${duration.padStart(8)}${detail}`;
}
