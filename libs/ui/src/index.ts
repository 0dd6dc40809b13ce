export * from './lib/empty-state/empty-state';
