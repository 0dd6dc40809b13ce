// Outage and shutdown suites: they run the built API (dist/) against a private MariaDB they
// start and stop themselves, so they are slow and kept out of `npm test` (`npm run test:resilience`).
module.exports = {
  displayName: 'api-resilience',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
  testTimeout: 120_000,
};
