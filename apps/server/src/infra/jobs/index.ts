export {
  createJobQueue,
  type JobCount,
  type JobDefinition,
  type JobQueue,
  type SendOptions,
} from './job-queue';
