import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'node_modules/**',
      'coverage/**',
      'test-output/**',
      'out/**',
      'reports/**',
      '.stryker-tmp*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never put data into innerHTML: build nodes (src/sidebar/dom.ts).',
        },
      ],
    },
  },
  {
    files: ['src/core/**', 'src/workspace/**', 'src/server/**', 'src/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'Date.now',
        'setTimeout',
        'window',
        'document',
        'require',
        'process',
      ],
    },
  },
  {
    files: ['src/server/**', 'src/workspace/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'GmailApp',
          message: 'GmailApp needs the restricted full-Gmail scope; use MailApp.',
        },
      ],
    },
  },
  { files: ['src/sidebar/**'], languageOptions: { globals: globals.browser } },
  {
    files: [
      '*.cjs',
      '*.mjs',
      'emulator/**',
      'test/**',
      'scripts/**',
      'preview/**',
      'demo/**',
      'bench/**',
      'sample/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  // CommonJS files (jest's configs, the Stryker sequencer) can only require.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
