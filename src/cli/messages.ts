/**
 * User-facing CLI text in English and Japanese. Pick with NAGARE_LANG or the locale (LANG/LC_ALL
 * starting with "ja" → Japanese); bin/ resolves the language once and passes it in.
 */
export type Lang = 'en' | 'ja';

const en = {
  banner_ready: 'nagare is ready',
  banner_endpoint: 'endpoint',
  banner_storage: 'storage',
  banner_timescale: 'time scale',
  banner_log: 'log',
  banner_export: 'Point the AWS CLI at it:',
  banner_stop: 'Press Ctrl+C to stop.',
  stopping: 'stopping nagare…',
  stopped: 'nagare stopped.',
  config_invalid: 'nagare cannot start: the options are invalid.',
  config_hint: 'See `nagare up --help`.',
  start_failed: 'nagare could not start',
  port_in_use: 'port {port} on {host} is already in use: stop the other process or pass --port.',
  usage: 'usage: nagare <command> [options]\n\ncommands:\n  up        start the AWS-compatible endpoint (S3, SSM, Secrets Manager, …)\n  version   print the version\n\nRun `nagare up --help` for the options of up.',
  unknown_command: 'unknown command: {command}',
  unknown_flag: 'unknown option: {flag}',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  banner_ready: 'nagare の準備ができました',
  banner_endpoint: 'エンドポイント',
  banner_storage: 'ストレージ',
  banner_timescale: '時間倍率',
  banner_log: 'ログ',
  banner_export: 'AWS CLI の設定:',
  banner_stop: '停止するには Ctrl+C を押してください。',
  stopping: 'nagare を停止しています…',
  stopped: 'nagare を停止しました。',
  config_invalid: 'nagare を起動できません: オプションが正しくありません。',
  config_hint: '`nagare up --help` を参照してください。',
  start_failed: 'nagare を起動できませんでした',
  port_in_use: '{host} のポート {port} は使用中です。他のプロセスを止めるか --port を指定してください。',
  usage: '使い方: nagare <コマンド> [オプション]\n\nコマンド:\n  up        AWS 互換エンドポイントを起動 (S3, SSM, Secrets Manager, …)\n  version   バージョンを表示\n\nup のオプションは `nagare up --help` で確認できます。',
  unknown_command: '不明なコマンド: {command}',
  unknown_flag: '不明なオプション: {flag}',
};

export function detectLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const v = env.NAGARE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return v.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = lang === 'ja' ? ja[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`));
}
