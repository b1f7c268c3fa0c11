import tseslint from 'typescript-eslint';

export default tseslint.config(
  // test/client: generated from the OpenAPI document by `npm run client:generate`
  { ignores: ['dist/**', 'node_modules/**', '.pgdata/**', 'coverage/**', '*.cjs', '*.mjs', 'test/client/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // type-only imports must say so: the ESM test build drops them, and a missing runtime export fails to link
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // decorated classes: Nest reads constructor parameter types at run time, so those imports stay values
    files: ['src/**/*.controller.ts', 'src/**/*.service.ts', 'src/**/*.module.ts', 'src/**/*.queries.ts', 'src/**/*.guard.ts', 'src/**/dto/*.ts', 'src/**/*.entity.ts', 'src/modules/negotiation/negotiation.reader.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
    },
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    // the domain core stays pure: no framework, no database, no service code
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'class-validator', 'class-transformer', 'pg', 'express', 'pdfkit'], message: 'src/domain is pure TypeScript' },
            { group: ['**/modules/**', '**/common/**', '**/database/**'], message: 'src/domain must not depend on the service layers' },
          ],
        },
      ],
    },
  },
  {
    // the shared layer stays below the modules: what needs a module's entity or service lives in that module
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**', '**/modules'], message: 'src/common must not depend on src/modules: move the code into its module, or depend on a small interface here' }] },
      ],
    },
  },
  {
    // the case builder is a client of the REST API: it may read the pure domain's vocabulary, nothing of the service
    files: ['src/tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'express'], message: 'src/tools drives the service through its API only' },
            { group: ['**/modules/**', '**/common/**', '**/database/**', '**/app.*'], message: 'src/tools drives the service through its API only' },
          ],
        },
      ],
    },
  },
  {
    // and the service never depends on the tools built on top of it
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/tools/**'], message: 'the service must not import src/tools' }] }],
    },
  },
);
