export * from './lib/api-responses';
export * from './lib/attendance';
export * from './lib/auth';
export * from './lib/http';
export * from './lib/organization';
export * from './lib/palette';
export * from './lib/roles';
export * from './lib/tenant';
