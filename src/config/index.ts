export {
  upConfigSchema, upConfigObject, upConfigKeys, resolveUpConfig, credentialsOf, isLoopbackHost, envNameOf, flagNameOf,
  type UpConfig, type ConfigProblem,
} from './up.js';
export { parseGitRemotes, type GitRemoteRule } from './git-remotes.js';
