/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 30000,
  // After the default summary: a boxed line when the browser tests were skipped (no Chromium).
  reporters: ['default', '<rootDir>/test/browser/skip-notice.cjs'],
};
