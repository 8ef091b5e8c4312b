/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Generous: the suites run on shared 2-core machines where a loaded box makes a cold start (the
  // detector and the answer index) take tens of seconds. Speed is measured by `npm run bench`.
  testTimeout: 90000,
  // Workers are replaced once they hold this much after a file: suites that load the sentence
  // encoder (about 120 MB of WebAssembly each) must not pile up in one long-lived worker.
  workerIdleMemoryLimit: '1GB',
};
