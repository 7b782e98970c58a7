export * from './api.ts';
export * from './errors.ts';
export * from './export-types.ts';
export * from './import-types.ts';
export * from './progress.ts';
export * from './rules-types.ts';
export * from './wire.ts';
export * from './views-types.ts';
export type * from './desktop.ts';
