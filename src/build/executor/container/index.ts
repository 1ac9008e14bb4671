// Public API of the container executor (re-exports only).
export { runContainerBuild } from './run-container-build.js';
export type { ContainerBuildInput, ContainerBuildResult } from './types.js';
export { DEFAULT_BUILD_IMAGE, isManagedImage, MANAGED_IMAGE_PATTERNS, resolveImage } from './image-map.js';
export type { ImageResolution } from './image-map.js';
export { CONTAINER_ENGINE_SOCKET, CONTAINER_SCRATCH_DIR, containerSrcDir } from './paths.js';
