export * from './api-client';
export * from './case-builder';
export * from './defaults';
export * from './plan';
export * from './steps';
export * from './transport';
