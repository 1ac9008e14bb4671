/**
 * Input and result of the container executor: the local executor's contract (same buildspec,
 * environment, log, hooks, timeout and StopBuild semantics) plus the project's environment image
 * (spec B `ProjectEnvironment`: image, privilegedMode).
 */
import type { ContainerRuntime } from '../../../runtime/index.js';
import type { LocalBuildInput, LocalBuildResult } from '../local/types.js';

export interface ContainerBuildInput extends LocalBuildInput {
  /** The engine to run in (e.g. `new DockerEngine('unix:///run/podman/podman.sock')`). */
  runtime: ContainerRuntime;
  /** `environment.image` as the project names it; resolved through image-map.ts. */
  image: string;
  /** What missing `aws/codebuild/*` images map to (default `localhost/busybox:latest`). */
  defaultImage?: string;
  /**
   * `environment.privilegedMode`: the container runs privileged with the engine socket mounted at
   * /var/run/docker.sock and DOCKER_HOST set, so `docker build` in the buildspec reaches the engine.
   */
  privilegedMode?: boolean;
  /** The engine socket on the host, mounted when privileged. Required with `privilegedMode`. */
  engineSocketPath?: string;
  /**
   * `$CODEBUILD_SRC_DIR` inside the container; `srcDir` (a host path) is bind-mounted there.
   * Default: `containerSrcDir(scratchDir)`. Overrides `systemEnv.CODEBUILD_SRC_DIR`.
   */
  containerSrcDir?: string;
  /** Labels on the build container (e.g. the build id), for finding leftovers after a crash. */
  labels?: Record<string, string>;
  /** More `host:container` bind mounts (e.g. secondary source directories at their host paths). */
  binds?: string[];
  /**
   * The container's network (`host` lets `aws --endpoint-url http://127.0.0.1:<port>` inside the
   * build reach a loopback-bound nagare). Default: the engine's default network.
   */
  networkMode?: string;
}

export interface ContainerBuildResult extends LocalBuildResult {
  /** The image the build actually ran in, once PROVISIONING resolved it. */
  image?: string;
}
