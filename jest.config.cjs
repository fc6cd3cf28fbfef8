/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 30000,
  // One worker per core. Jest's default (cores - 1) is a single worker on a two-core machine,
  // which ran the suite file after file; the files are independent (each opens its own
  // emulator), so two run side by side.
  maxWorkers: '100%',
  // After the default summary: a boxed line when the browser tests were skipped (no Chromium).
  reporters: ['default', '<rootDir>/test/browser/skip-notice.cjs'],
};
