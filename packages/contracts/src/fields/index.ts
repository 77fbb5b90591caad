export * from './cell-values';
export * from './field-options.schema';
export * from './field-types';
export * from './field.schema';
