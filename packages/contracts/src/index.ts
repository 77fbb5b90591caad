export * from './errors/index';
export * from './ids';
