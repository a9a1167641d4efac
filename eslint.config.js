// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The one-way module graph (docs/architecture.md). Each layer may import only from the
 * layers below it; modules of the same layer do not import each other — `pipeline` chains them.
 */
const layers = [
  ['model'],
  ['text'],
  ['config', 'format'],
  // `queue`: the job queue (pg-boss), I/O at the pipeline's level, a peer of archive and ingest.
  ['ingest', 'nlp', 'tagging', 'archive', 'publish', 'blog', 'queue'],
  ['pipeline'],
  ['cli', 'server'],
];

/** @param {string} mod */
const forbiddenFor = (mod) => {
  const level = layers.findIndex((l) => l.includes(mod));
  const banned = layers.flatMap((l, i) => (i > level || (i === level && l.length > 1) ? l : []));
  return banned.filter((m) => m !== mod);
};

const layerRules = layers.flat().map((mod) => ({
  files: [`src/${mod}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbiddenFor(mod).map((m) => ({
          group: [`**/${m}`, `**/${m}/*`, `**/${m}/**`],
          message: `${mod} may not import ${m}: see the module graph in docs/architecture.md`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'coverage/**', '.kirinuki-tmp/**'] },
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...layerRules,
);
