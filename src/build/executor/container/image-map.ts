/**
 * Which local image a project's `environment.image` runs in. CodeBuild's managed images
 * (`aws/codebuild/standard:7.0`, `aws/codebuild/amazonlinux2-x86_64-standard:5.0`, …) are multi-GB
 * and live in AWS's registry; a self-hosted engine usually has no copy and often no registry to pull
 * from. So the whole mapping lives here, in one table:
 *
 *   1. the image exists in the engine as written            → use it (a user may have built or tagged one)
 *   2. it is a CodeBuild-managed name (table below)         → the configured default image
 *   3. anything else (`node:20`, an ECR/private image, …)  → pull it; a failed pull fails PROVISIONING
 */
import type { ContainerRuntime } from '../../../runtime/index.js';

/** What `aws/codebuild/*` maps to unless the caller configures another image. */
export const DEFAULT_BUILD_IMAGE = 'localhost/busybox:latest';

/** Name patterns of CodeBuild-managed images (spec B `ProjectEnvironment.image`, "curated images"). */
export const MANAGED_IMAGE_PATTERNS: readonly RegExp[] = [
  /^aws\/codebuild\//,
  /^public\.ecr\.aws\/codebuild\//,
  /^amazon\/aws-codebuild-local/,
];

export function isManagedImage(image: string): boolean {
  return MANAGED_IMAGE_PATTERNS.some((p) => p.test(image));
}

export type ImageResolution = { image: string; how: 'local' | 'mapped' | 'pulled' } | { problem: string };

/** `signal` (the build's interrupt) cancels a pull still running when the build is stopped. */
export async function resolveImage(runtime: ContainerRuntime, requested: string, defaultImage = DEFAULT_BUILD_IMAGE, signal?: AbortSignal): Promise<ImageResolution> {
  try {
    if (await runtime.imageExists(requested)) return { image: requested, how: 'local' };
    if (isManagedImage(requested)) {
      if (await runtime.imageExists(defaultImage)) return { image: defaultImage, how: 'mapped' };
      await runtime.pullImage(defaultImage, signal);
      return { image: defaultImage, how: 'mapped' };
    }
    await runtime.pullImage(requested, signal);
    return { image: requested, how: 'pulled' };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}
