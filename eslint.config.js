import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * The layer rules of docs/ARCHITECTURE.md, one block per folder: an import against the flow
 * fails `npm run lint`. Each pattern names what the folder must not reach.
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const D3 = {
  group: ['d3', 'd3-*'],
  message: 'Pages draw through charts: d3 belongs in src/charts or src/lib.',
};
const DB = (message) => ({ group: ['**/lib/db/*', '**/lib/db'], message });
const layers = [
  layer(
    ['src/lib/schema/**'],
    [{ group: ['../*', '!../text'], message: 'The records layer imports nothing of the project.' }],
  ),
  layer(
    ['src/lib/db/**'],
    [
      {
        group: ['../import/*', '../state/*', '../views/*', '../share/*'],
        message: 'The store never imports the import job, state, views or sharing.',
      },
    ],
  ),
  layer(
    ['src/lib/i18n/**'],
    [
      {
        group: ['../*', '!../format'],
        message: 'Words and their formatting depend on nothing else of the project.',
      },
    ],
  ),
  layer(
    ['src/lib/import/**'],
    [
      {
        group: ['../share/*', '../state/*', '../views/*'],
        message: 'The import job reads files into the store: it knows no sharing, state or view.',
      },
    ],
  ),
  layer(
    ['src/lib/share/**'],
    [
      {
        group: ['../state/*', '../views/*'],
        message: 'Sharing writes and reads files: it knows no state or view.',
      },
    ],
  ),
  layer(
    ['src/lib/analysis/**'],
    [
      {
        group: ['../state/*', '../views/*', '../share/*', '../import/*', '../i18n/*', '../db/*'],
        message:
          'Analysis is pure: it takes records and rollups (typed by lib/schema), and words nothing.',
      },
    ],
  ),
  layer(
    ['src/lib/views/**'],
    [
      {
        group: ['**/*.svelte', '!**/*.svelte.ts'],
        message: 'A view model uses lib, never a component.',
      },
    ],
  ),
  layer(
    ['src/charts/**'],
    [
      DB('Charts get their data through props.'),
      {
        group: ['**/lib/state/*', '**/lib/views/*', '**/pages/*'],
        message: 'Charts get their data and labels through props.',
      },
    ],
  ),
  // Inside the chart kit, parts never reach up to what is built from them: the core and the
  // behaviours know no mark and no chart, marks know no chart, behaviour or network.
  layer(
    ['src/charts/core/**', 'src/charts/behaviours/**'],
    [
      {
        group: ['../[A-Za-z]*', '!../core', '!../behaviours'],
        message: 'The chart kit’s core and behaviours are the bottom layer: no marks, no charts.',
      },
    ],
  ),
  layer(
    ['src/charts/marks/**'],
    [
      {
        group: ['../[A-Za-z]*', '!../core'],
        message: 'A mark draws with the core only: no chart, behaviour or network module.',
      },
    ],
  ),
  layer(
    ['src/charts/network/**'],
    [
      {
        group: ['../[A-Za-z]*', '!../core', '!../behaviours', '!../marks'],
        message: 'The network’s parts are composed by NetworkGraph, never the other way.',
      },
    ],
  ),
  layer(
    ['src/ui/**'],
    [
      DB('Widgets reach data through lib/state/store.'),
      { group: ['**/pages/*'], message: 'Widgets know no page.' },
    ],
  ),
  layer(['src/pages/**'], [D3, DB('Pages reach data through lib/state (activeData, store).')]),
];

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/.data/',
      'bench/.harness/',
      'scratch/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never render data as HTML.' },
        { property: 'outerHTML', message: 'Never render data as HTML.' },
      ],
    },
  },
  ...layers,
);
