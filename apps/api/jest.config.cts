module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Every statement that reaches a driver passes the tenant SQL checker (docs/architecture.md).
  setupFilesAfterEnv: ['<rootDir>/test/support/tenant-sql/tenant-sql-setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  coverageDirectory: '../../coverage/apps/api',
  // e2e suites boot the real app on a real database (SQLite, or MySQL with DATABASE_URL).
  testTimeout: 60_000,
};
