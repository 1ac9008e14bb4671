// Public API of the container runtime (re-exports only).
export { DockerEngine } from './docker-engine.js';
export { DEFAULT_SOCKET, socketPathOf } from './docker-host.js';
export { FrameDemuxer } from './demux.js';
export type { Frame } from './demux.js';
export { EngineError } from './types.js';
export type { ContainerRuntime, ContainerSpec, ExecResult, ExecSink, ExecSpec, ExecStream } from './types.js';
