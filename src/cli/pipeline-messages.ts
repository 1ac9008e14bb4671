/**
 * Text of `nagare pipeline …` in English and Japanese (same conventions as messages.ts: `{name}`
 * placeholders, one table per language with the same keys). AWS status words (InProgress,
 * Succeeded, …) stay untranslated, as in the AWS console and CLI, so output stays greppable.
 */
import type { Lang } from './messages.js';

const en = {
  pipeline_usage_line: '  pipeline  watch a pipeline execution live (nagare pipeline watch <name>)',
  pipeline_help: [
    'usage: nagare pipeline <subcommand> [options]',
    '',
    'subcommands:',
    '  watch <name>   draw the stages and actions of a pipeline execution live',
    '',
    'Run `nagare pipeline watch --help` for its options.',
  ].join('\n'),
  watch_help: [
    'usage: nagare pipeline watch <name> [options]',
    '',
    'Draws the stages and actions of pipeline <name> live, like the AWS console\'s pipeline view,',
    'and exits with the execution\'s result. It follows --execution-id, else the most recent',
    'execution that is InProgress or Stopping, else it waits for the next execution to start.',
    'Watching never changes the pipeline: Ctrl+C only stops watching.',
    '',
    'options:',
    '      --execution-id ID    follow this execution',
    '      --endpoint-url URL   the running nagare (default: $NAGARE_ENDPOINT_URL, else',
    '                           http://127.0.0.1:4566)',
    '      --region REGION      region (default: $AWS_REGION, else $AWS_DEFAULT_REGION, else us-east-1)',
    '      --interval-ms N      poll interval in milliseconds (default 1000, at least 100)',
    '      --lang ja|en         language of the output (default: $NAGARE_LANG, else the locale)',
    '      --no-color           no colors (NO_COLOR is honoured too)',
    '  -h, --help               this help',
    '',
    'Requests are signed with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (default test/test).',
    'On a terminal the view is redrawn in place; otherwise (a pipe, CI) one line is printed per',
    'status change. A pending manual approval shows the `aws codepipeline put-approval-result`',
    'command that answers it.',
    '',
    'exit code: 0 Succeeded, 1 Failed, 2 Stopped, Cancelled or Superseded,',
    '3 usage error, nagare unreachable, unknown pipeline or execution, or an API error,',
    '130 stopped watching (Ctrl+C).',
  ].join('\n'),
  watch_usage_hint: 'See `nagare pipeline watch --help`.',
  pipeline_unknown_subcommand: 'unknown subcommand: nagare pipeline {sub}',
  watch_unreachable: 'cannot reach nagare at {endpoint} ({detail}) — is `nagare up` running?',
  watch_pipeline_not_found: 'pipeline \'{name}\' does not exist at {endpoint} (region {region}).',
  watch_execution_not_found: 'execution {id} of pipeline \'{name}\' does not exist.',
  watch_api_error: 'nagare at {endpoint} answered {code}: {message}',
  watch_retrying: 'lost contact with nagare ({detail}); retrying…',
  watch_waiting: 'waiting for the next execution of {name} to start… (Ctrl+C to stop watching)',
  watch_following: 'following execution {id} of pipeline {name} ({status})',
  watch_result: 'execution {id} of {name}: {status} after {elapsed}',
  watch_result_no_time: 'execution {id} of {name}: {status}',
  watch_interrupted: 'stopped watching; the pipeline was not changed.',
  watch_not_reached: 'not reached',
  watch_stage_waiting: 'waiting to enter',
  watch_inbound: 'waiting to enter: {id} ({status})',
  watch_inbound_ours: 'this execution',
  watch_transition_disabled: 'inbound transition disabled',
  watch_approval_pending: 'waiting for approval',
  watch_approve_with: 'approve with:',
  watch_reject_hint: '(status=Rejected to reject)',
  watch_event_stage: 'stage {stage}: {status}',
  watch_event_action: 'action {stage}/{action}: {status}',
  watch_event_execution: 'execution {id}: {status}',
  watch_event_approval: 'action {stage}/{action}: waiting for approval; approve with: {command}',
  watch_event_transition: 'stage {stage}: inbound transition disabled{reason}',
  watch_header: 'pipeline {name}   execution {id}',
} as const;

export type PipelineMessageKey = keyof typeof en;

const ja: Record<PipelineMessageKey, string> = {
  pipeline_usage_line: '  pipeline  パイプラインの実行をライブ表示 (nagare pipeline watch <名前>)',
  pipeline_help: [
    '使い方: nagare pipeline <サブコマンド> [オプション]',
    '',
    'サブコマンド:',
    '  watch <名前>   パイプライン実行のステージとアクションをライブ表示',
    '',
    'オプションは `nagare pipeline watch --help` で確認できます。',
  ].join('\n'),
  watch_help: [
    '使い方: nagare pipeline watch <名前> [オプション]',
    '',
    'パイプライン <名前> のステージとアクションを AWS コンソールのパイプライン画面のようにライブ表示し、',
    '実行結果を終了コードで返します。--execution-id の実行、なければ InProgress か Stopping の最新の実行、',
    'それもなければ次に始まる実行を追跡します。',
    '表示するだけでパイプラインは変更しません: Ctrl+C は表示を止めるだけです。',
    '',
    'オプション:',
    '      --execution-id ID    この実行を追跡',
    '      --endpoint-url URL   起動中の nagare (既定値: $NAGARE_ENDPOINT_URL、なければ',
    '                           http://127.0.0.1:4566)',
    '      --region REGION      リージョン (既定値: $AWS_REGION、$AWS_DEFAULT_REGION、なければ us-east-1)',
    '      --interval-ms N      ポーリング間隔 (ミリ秒。既定値 1000、最小 100)',
    '      --lang ja|en         出力の言語 (既定値: $NAGARE_LANG、なければロケール)',
    '      --no-color           色を付けない (NO_COLOR も有効)',
    '  -h, --help               このヘルプ',
    '',
    'リクエストは AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY で署名します (既定値 test/test)。',
    '端末ではその場で再描画し、それ以外 (パイプ、CI) ではステータスが変わるたびに 1 行出力します。',
    '承認待ちの手動承認には、応答するための `aws codepipeline put-approval-result` コマンドを表示します。',
    '',
    '終了コード: 0 Succeeded、1 Failed、2 Stopped・Cancelled・Superseded、',
    '3 使い方の誤り・nagare に接続できない・パイプラインか実行が存在しない・API エラー、',
    '130 表示を中断 (Ctrl+C)。',
  ].join('\n'),
  watch_usage_hint: '`nagare pipeline watch --help` を参照してください。',
  pipeline_unknown_subcommand: '不明なサブコマンド: nagare pipeline {sub}',
  watch_unreachable: '{endpoint} の nagare に接続できません ({detail})。`nagare up` は起動していますか?',
  watch_pipeline_not_found: 'パイプライン \'{name}\' は {endpoint} (リージョン {region}) に存在しません。',
  watch_execution_not_found: 'パイプライン \'{name}\' の実行 {id} は存在しません。',
  watch_api_error: '{endpoint} の nagare が {code} を返しました: {message}',
  watch_retrying: 'nagare との接続が切れました ({detail})。再試行しています…',
  watch_waiting: '{name} の次の実行の開始を待っています… (Ctrl+C で表示を中断)',
  watch_following: 'パイプライン {name} の実行 {id} を追跡しています ({status})',
  watch_result: '{name} の実行 {id}: {status} (所要時間 {elapsed})',
  watch_result_no_time: '{name} の実行 {id}: {status}',
  watch_interrupted: '表示を中断しました。パイプラインは変更していません。',
  watch_not_reached: '未到達',
  watch_stage_waiting: '進入待ち',
  watch_inbound: '進入待ち: {id} ({status})',
  watch_inbound_ours: 'この実行',
  watch_transition_disabled: '入力トランジションは無効',
  watch_approval_pending: '承認待ち',
  watch_approve_with: '承認するには:',
  watch_reject_hint: '(却下は status=Rejected)',
  watch_event_stage: 'ステージ {stage}: {status}',
  watch_event_action: 'アクション {stage}/{action}: {status}',
  watch_event_execution: '実行 {id}: {status}',
  watch_event_approval: 'アクション {stage}/{action}: 承認待ち。承認するには: {command}',
  watch_event_transition: 'ステージ {stage}: 入力トランジションは無効{reason}',
  watch_header: 'パイプライン {name}   実行 {id}',
};

export function pt(lang: Lang, key: PipelineMessageKey, vars: Record<string, string | number> = {}): string {
  const template = lang === 'ja' ? ja[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`));
}

/**
 * The top-level usage with the `pipeline` line added to its command list (before `version`, or at
 * the end of the list), so `nagare --help` lists it without messages.ts knowing about it.
 */
export function withPipelineUsage(lang: Lang, usage: string): string {
  const lines = usage.split('\n');
  const line = pt(lang, 'pipeline_usage_line');
  const at = lines.findIndex((l) => /^\s+version\s/.test(l));
  if (at >= 0) lines.splice(at, 0, line);
  else {
    const blank = lines.findIndex((l, i) => i > 0 && l.trim() === '' && lines[i - 1]!.startsWith('  '));
    lines.splice(blank >= 0 ? blank : lines.length, 0, line);
  }
  return lines.join('\n');
}
