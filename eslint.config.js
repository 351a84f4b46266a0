import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createNodeResolver } from 'eslint-plugin-import-x/node-resolver';

// The resolver's default extensions are .js/.json only: without .ts/.tsx every relative import
// of ours would resolve to nothing and the path rules below would pass silently.
const resolver = createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] });

/**
 * The layers (docs/architecture.md): core <- encoder <- cli, and core/encoder <- app; nothing
 * outside src/app imports it. `except` paths are relative to `from`.
 */
const LAYER_ZONES = [
  { target: './src/core', from: './src', except: ['./core'], message: 'src/core imports nothing outside src/core.' },
  { target: './src/encoder', from: './src', except: ['./core', './encoder'], message: 'src/encoder imports only src/core.' },
  { target: './src/cli', from: './src', except: ['./core', './encoder', './cli'], message: 'src/cli imports only src/core and src/encoder.' },
  { target: ['./scripts', './test/unit'], from: './src/app', message: 'Nothing outside src/app imports src/app.' },
  { target: './src/core/analysis', from: './src/core/training', message: 'Analysis does not import training (shared maths lives in src/core/numeric).' },
  {
    target: './src/core/view-state',
    from: './src/core/training',
    except: ['./strategy-names.ts'],
    message: 'The view state takes only the strategy names from training (src/core/training/strategy-names.ts).',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'out', 'bench-out', '.cache', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'test/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [resolver],
      // Without these, no-cycle cannot parse a .ts dependency and finds no cycle, silently.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
      // A relative import that does not resolve would also slip past the zones: fail on it.
      'import-x/no-unresolved': ['error', { ignore: ['^[^.]', '\\?'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // core stays pure: no DOM framework, no model runtime, no Node built-ins.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', '@huggingface/*', 'onnxruntime*', 'node:*'] }],
    },
  },
  {
    files: ['src/encoder/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand'] }] },
  },
  {
    // Hooks called in a fixed order, and effects that list what they read.
    files: ['src/app/**/*.{ts,tsx}', 'test/pages/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
