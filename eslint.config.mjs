// ESLint with typescript-eslint's type-checked rules over every TypeScript file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // Worker threads are plain CommonJS so every runtime starts them without a loader; tsc
    // type-checks them (allowJs + // @ts-check), but ESLint's type-aware rules see require() as any.
    // event-hash-core.js is the hash code a worker shares with the main thread.
    files: ['**/*.worker.js', 'libs/event-store/src/chain/event-hash-core.js', 'test/bench/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Pure code (DESIGN.md "Shape of the code"): the clock, the environment, randomness and the
    // console come in through commands and parameters, never from globals. dependency-cruiser
    // guards the imports; these globals need no import.
    files: ['libs/domain/**/*.ts', 'libs/policy/**/*.ts', 'projections/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'pure code reads no environment: take a parameter' },
        { name: 'console', message: 'pure code writes nothing' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the clock comes in command metadata' },
        { object: 'Math', property: 'random', message: 'ids come in commands' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'the clock comes in command metadata',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
