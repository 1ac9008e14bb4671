import type { Lang } from './messages.js';
import { t } from './messages.js';

export interface BannerInfo {
  version: string;
  endpoint: string;
  storage: string;
  timeScale: number;
  logFile: string;
  accessKeyId: string;
  /** Shown only for the default test key; a configured secret is never printed. */
  secretAccessKey?: string;
  color: boolean;
}

/** The short text `nagare up` prints once it is listening. */
export function renderBanner(lang: Lang, b: BannerInfo): string {
  const bold = (s: string): string => (b.color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string): string => (b.color ? `\x1b[2m${s}\x1b[0m` : s);
  const green = (s: string): string => (b.color ? `\x1b[32m${s}\x1b[0m` : s);
  const row = (k: string, v: string): string => `  ${dim(k.padEnd(14))} ${v}`;
  const lines = [
    `${green('●')} ${bold(`${t(lang, 'banner_ready')}`)} ${dim(`v${b.version}`)}`,
    row(t(lang, 'banner_endpoint'), bold(b.endpoint)),
    row(t(lang, 'banner_storage'), b.storage),
    row(t(lang, 'banner_timescale'), b.timeScale === 1 ? '1×' : `${b.timeScale}× (AWS waits run ${b.timeScale} times faster)`),
    row(t(lang, 'banner_log'), b.logFile),
    '',
    `  ${t(lang, 'banner_export')}`,
    `    export AWS_ACCESS_KEY_ID=${b.accessKeyId} AWS_SECRET_ACCESS_KEY=${b.secretAccessKey ?? '<your secret>'} AWS_DEFAULT_REGION=us-east-1`,
    `    aws --endpoint-url ${b.endpoint} s3 ls`,
    '',
    `  ${dim(t(lang, 'banner_stop'))}`,
  ];
  return lines.join('\n') + '\n';
}
