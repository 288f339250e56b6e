/** Jest runs the TypeScript sources as ES modules through ts-jest (see README, Development). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 30000,
  // Jest's default is cores − 1: one worker on the 2-core CI machine. Most suites wait on child
  // processes and sockets, so two workers use the machine better.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/helpers/summaryReporter.js'],
};
