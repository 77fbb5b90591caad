export * from './errors/index';
export * from './ids';
export * from './fields/index';
export * from './events';
export * from './platform/index';
