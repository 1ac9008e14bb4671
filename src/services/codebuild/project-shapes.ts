/** Domain project → CodeBuild's `Project` shape (spec B.3). Timestamps stay Dates (the gateway writes epoch seconds). */
import type { models } from '../../aws/index.js';
import type { projects } from '../../build/index.js';

export function toAwsProject(p: projects.Project): models.codebuild.Project {
  const { badgeEnabled, ...settings } = p.settings;
  return {
    ...(settings as unknown as models.codebuild.Project),
    name: p.name,
    arn: p.arn,
    tags: p.tags.map((t) => ({ key: t.key, value: t.value ?? '' })),
    created: p.created,
    lastModified: p.lastModified,
    badge: { badgeEnabled },
    projectVisibility: 'PRIVATE',
  };
}
