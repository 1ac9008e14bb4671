export { parseArgs, type ParsedArgs } from './parse-args.js';
export { detectLang, t, type Lang, type MessageKey } from './messages.js';
export { renderBanner, type BannerInfo } from './banner.js';
export { upHelp } from './up-help.js';
export { runBuild, type BuildDeps } from './build.js';
export { parseBuildArgs, type BuildArgs } from './build-args.js';
export { runPipelineWatch, type PipelineWatchDeps } from './pipeline-watch.js';
export { pt, withPipelineUsage, type PipelineMessageKey } from './pipeline-messages.js';
