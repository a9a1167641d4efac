/**
 * `npm run build` (after `tsc`): bundles the command line from `dist/cli/index.js` into
 * `dist/bundle/cli/` with esbuild, so a cold `kirinuki search` reads a handful of files instead
 * of a few hundred, and never loads zod. `bin/kirinuki.js` runs the bundle when it is there and
 * `dist/cli/index.js` otherwise.
 *
 * - Code splitting keeps the commands lazy: each `import()` in src/cli becomes a chunk loaded
 *   when its command runs (ingest, linkedom, undici… only for `import`/`fetch`).
 * - better-sqlite3 stays outside the bundle, loaded with `require` (see requireBetterSqlite).
 * - Imports of the `model` barrel are pointed at the model modules that export the names, so a
 *   chunk that needs only `ok`, `err` or `KirinukiError` leaves out the schemas and with them zod
 *   (see modelBarrelSplitter).
 * - The shipped knowledge (`data/nlp`) is validated and merged here and embedded in the bundle
 *   (see src/cli/knowledge.ts); the bundle uses it only while `data/nlp` still has the same
 *   contents.
 * - The chunks sit three directories below the package root, as `dist/nlp/knowledge/` and
 *   `dist/cli/commands/` do, because code there finds `data/nlp` and `samples/` by
 *   `../../../` from `import.meta.url`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build, type Plugin } from 'esbuild';
import {
  knowledgeFiles,
  knowledgeFilesHash,
  type ShippedKnowledgeSnapshot,
} from '../src/cli/knowledge.js';
import { parseKnowledgeFiles, SHIPPED_KNOWLEDGE_DIR } from '../src/nlp/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'dist/cli/index.js');
const OUT_DIR = join(ROOT, 'dist/bundle/cli');
const DIST_DIR = join(ROOT, 'dist') + sep;
const MODEL_DIR = join(ROOT, 'dist/model') + sep;

/**
 * Points static imports of the `dist/model/index.js` barrel at the model modules that export the
 * names: `import { err, ok } from '../model/index.js'` becomes an import of `../model/result.js`.
 * With code splitting esbuild assigns whole files to chunks by the imports that reach them, so an
 * import of the barrel puts every model module — and zod — in the chunk of whoever imports it,
 * even for `ok`. Statements the pattern does not cover, or names it cannot place, are left as
 * they are (correct, only bigger).
 */
async function modelBarrelSplitter(): Promise<Plugin> {
  const owner = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const file of readdirSync(MODEL_DIR).filter((f) => f.endsWith('.js') && f !== 'index.js')) {
    for (const name of Object.keys(await import(pathToFileURL(join(MODEL_DIR, file)).href))) {
      if (owner.has(name)) ambiguous.add(name);
      owner.set(name, file);
    }
  }
  for (const name of ambiguous) owner.delete(name);
  const barrelImport = /^import \{([^}]*)\} from '((?:\.\.\/)+)model\/index\.js';$/gm;
  return {
    name: 'kirinuki-model-barrel',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(DIST_DIR) || args.path.startsWith(MODEL_DIR)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('model/index.js')) return undefined;
        const contents = text.replace(barrelImport, (statement, names: string, up: string) => {
          const specs = names.split(',').map((n) => n.trim());
          const byFile = new Map<string, string[]>();
          for (const spec of specs.filter((n) => n !== '')) {
            const file = owner.get(spec.split(/\s+as\s+/)[0] ?? '');
            if (!file) return statement;
            byFile.set(file, [...(byFile.get(file) ?? []), spec]);
          }
          return [...byFile]
            .map(([file, named]) => `import { ${named.join(', ')} } from '${up}model/${file}';`)
            .join(' ');
        });
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * Loads better-sqlite3 with `require` (from the banner's createRequire) rather than `import`:
 * importing a CommonJS package from ESM makes Node scan its sources for the names it exports,
 * about a tenth of what `show` costs over bare Node. It stays outside the bundle, as it finds its
 * native addon relative to its own files; the default import is `module.exports` either way.
 */
const requireBetterSqlite: Plugin = {
  name: 'kirinuki-require-better-sqlite3',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.namespace === 'kirinuki-require'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'kirinuki-require' },
    );
    b.onLoad({ filter: /.*/, namespace: 'kirinuki-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

function shippedKnowledge(outDir: string): ShippedKnowledgeSnapshot {
  const files = knowledgeFiles(SHIPPED_KNOWLEDGE_DIR);
  const parsed = parseKnowledgeFiles(files);
  if (!parsed.ok) throw new Error(`build-cli: ${parsed.error.message}`);
  const source = parsed.value;
  // The bundle compiles what JSON gives back: it must be the same value.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(source)), source))
    throw new Error('build-cli: the merged knowledge does not survive a JSON round trip');
  const dir = relative(outDir, SHIPPED_KNOWLEDGE_DIR).split(sep).join('/');
  return { dir: `${dir}/`, hash: knowledgeFilesHash(files), source };
}

async function main(): Promise<void> {
  if (!existsSync(ENTRY)) throw new Error(`build-cli: ${ENTRY} is missing: run tsc first`);
  if (resolve(OUT_DIR, '../../..') !== ROOT)
    throw new Error('build-cli: the bundle must sit three directories below the package root');
  rmSync(OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { kirinuki: ENTRY },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // CommonJS dependencies (commander, cli-progress…) call require() for Node's modules.
    banner: {
      js: "import { createRequire as kirinukiCreateRequire } from 'node:module'; const require = kirinukiCreateRequire(import.meta.url);",
    },
    define: {
      KIRINUKI_SHIPPED_KNOWLEDGE: JSON.stringify(JSON.stringify(shippedKnowledge(OUT_DIR))),
    },
    plugins: [await modelBarrelSplitter(), requireBetterSqlite],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

await main();
