/** Build operations accept the id (`<project>:<uuid>`) or the build ARN (spec B.2). */
export function buildIdOf(idOrArn: string): string {
  const m = /^arn:[^:]+:codebuild:[^:]*:[^:]*:build\/(.+)$/.exec(idOrArn);
  return m ? m[1]! : idOrArn;
}
