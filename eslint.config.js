// Lint rules, including the import directions of docs/architecture.md (the layers): domain imports
// nothing but itself; data imports domain; features import app/stores only of app/; electron/services
// never import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = {
  name: 'electron',
  message: 'Only electron/main.ts, preload.ts and adapters/ may import electron.',
};
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'node:*'].map((name) => ({
  group: [name],
  message: 'The renderer has no Node: go through the host contract.',
}));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: nodeBuiltins }],
    },
  },
  {
    // The append door (docs/architecture.md): only data/log.ts writes the event log;
    // everything else appends through its `append`, which checks the event registry.
    files: ['renderer/src/**/*.{ts,tsx}'],
    // data/logRecode.ts: the re-coding part of the door (an island re-chained under a new code).
    ignores: ['renderer/src/data/log.ts', 'renderer/src/data/logRecode.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.property.name='events'][callee.property.name=/^(add|bulkAdd|put|bulkPut|update|delete|bulkDelete|clear)$/]",
          message: 'Only the append door (data/log.ts) writes the event log: call append().',
        },
        {
          selector: "ImportSpecifier[imported.name='chainSync']",
          message: 'Events are chained by the append door (data/log.ts) only.',
        },
      ],
    },
  },
  {
    // features/ may use app/'s stores (app/stores/), never the rest of app/: App.tsx (the area
    // table that wires the features), the theme or the i18n set-up. app/ imports the features.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...nodeBuiltins,
            {
              regex: '^(\\.\\./)+app/(?!stores/)',
              message: 'features/ import app/stores/* only, never App, theme or i18n.',
            },
          ],
        },
      ],
    },
  },
  {
    // The stores sit below the features: they use data/, domain/, host/ and app/i18n only.
    files: ['renderer/src/app/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ...nodeBuiltins,
            {
              group: ['../../features/*', '../App', '../theme'],
              message: 'app/stores/ sit below the features: no features/, App or theme.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            'react',
            'react-dom',
            'dexie',
            'dexie-react-hooks',
            'zustand',
            'i18next',
          ],
          patterns: [
            ...nodeBuiltins,
            {
              group: [
                '@mui/*',
                '../data/*',
                '../host/*',
                '../print/*',
                '../features/*',
                '../app/*',
                '../../*',
              ],
              message: 'domain/ imports nothing outside domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/data/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'react', 'react-dom', '@mui/material'],
          patterns: [
            ...nodeBuiltins,
            {
              group: ['../features/*', '../app/*', '../print/*'],
              message: 'data/ imports domain/ (and host/), never the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/print/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'dexie', 'dexie-react-hooks'],
          patterns: [
            ...nodeBuiltins,
            {
              group: ['../features/*', '../app/*', '../data/*'],
              message: 'print/ renders plain data.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/services/**/*.ts',
      'electron/contract.ts',
      'electron/contract-client.ts',
      'electron/ipc.ts',
      'electron/ipc-memory.ts',
      'electron/errors.ts',
      'electron/handlers.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // The hall client shared by main and the browser host: neither Electron nor Node.
    files: [
      'electron/contract-hall.ts',
      'electron/contract-floor.ts',
      'electron/hall-client.ts',
      'electron/hall-wire.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: nodeBuiltins }],
    },
  },
  {
    // Pure policy and print-option modules may use Electron's types, never its runtime.
    files: ['electron/policy/**/*.ts', 'electron/printing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ ...noElectron, allowTypeImports: true }] }],
    },
  },
  {
    // The hall protocol is shared by the server, the Electron main process and the renderer:
    // plain zod schemas and pure functions, nothing that needs Node, a DOM or a database.
    files: ['server/protocol/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'react', 'dexie', 'pg', 'fastify', '@electric-sql/pglite'],
          patterns: [
            ...nodeBuiltins,
            { group: ['../*', '!./*'], message: 'server/protocol/ imports only zod and itself.' },
          ],
        },
      ],
    },
  },
);
