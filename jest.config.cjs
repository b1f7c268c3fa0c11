/**
 * Three tiers: pure unit specs next to the code; integration specs that call the services on a real
 * PostgreSQL without HTTP; e2e specs through HTTP. The last two share one global setup (jest runs it
 * once for both): a PostgreSQL and a migrated template database that each spec file clones.
 */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
};
const database = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, ...database, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, ...database, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
  maxWorkers: 2,
  // each spec file loads Nest, TypeORM and pdfkit afresh in its ESM context and the worker's heap only
  // grows (700 MB after ten files); a worker past this is replaced between files, so none ends the run
  // too bloated to exit in time
  workerIdleMemoryLimit: '512MB',
  // integration and e2e tests drive a real database; a loaded machine must not turn slowness into failures
  testTimeout: 60000,
};
