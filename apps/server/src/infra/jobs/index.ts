export {
  createJobQueue,
  defineJob,
  type JobCount,
  type JobDefinition,
  type JobQueue,
  type SendOptions,
} from './job-queue';
