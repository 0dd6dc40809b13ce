export * from './lib/api-base-url';
export * from './lib/health.api';
