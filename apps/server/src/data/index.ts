export { createDataModule, type DataModuleOptions, type DataServices } from './data.module';
export {
  createDataService,
  type ChangeSet,
  type DataService,
  type DataServiceDeps,
  type RevertResult,
  type RevertStep,
  type Written,
} from './data.service';
export type { Caller } from './data.access';
export type { BaseEntry, DataSource, DriverComments, DriverKind, OnBase, OnRecord, UploadFile } from './data-source.types';
export type * from './data.types';
export { registerBase, findBase } from './data.registry';
export { createLocalDataSource, type LocalDataSourceOptions } from './local/local.source';
export type { AttachmentStore, CollaboratorDirectory } from './local/fields/field-codec.types';
export type { CommentCounter } from './local/records/records.present';
export { createV0App, type V0AppOptions, type V0Extension } from './v0/v0.app';
export { airtableError } from './v0/v0.errors';
