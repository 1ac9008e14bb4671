export { JobQueue } from './job-queue.js';
export { Worker, type WorkerOptions } from './worker.js';
export type { Job, JobContext, JobHandler, JobStatus, EnqueueOptions } from './types.js';
