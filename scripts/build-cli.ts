/**
 * `npm run build` (after `tsc`): bundles the command line from `dist/cli/index.js` into
 * `dist/bundle/cli/` with esbuild, so a cold `kirinuki search` reads a handful of files instead
 * of a few hundred, and never loads zod. `bin/kirinuki.js` runs the bundle when it is there and
 * `dist/cli/index.js` otherwise.
 *
 * - Code splitting keeps the commands lazy: each `import()` in src/cli becomes a chunk loaded
 *   when its command runs (ingest, linkedom, undici… only for `import`/`fetch`).
 * - better-sqlite3 stays outside the bundle, loaded with `require` (see requireBetterSqlite).
 * - Imports of kirinuki's barrels are pointed at the modules that export the names, so a chunk
 *   that needs only `ok` or `searchArchive` leaves out the schemas, zod, linkedom and undici
 *   (see barrelSplitter).
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
/** The annotation worker (src/pipeline/people-pool.ts looks for `people-worker.mjs` beside it). */
const PEOPLE_WORKER = join(ROOT, 'dist/pipeline/people-worker.js');
const OUT_DIR = join(ROOT, 'dist/bundle/cli');
const DIST_DIR = join(ROOT, 'dist') + sep;

/** Where each name a barrel (`index.js` of `export … from` lines) exports is defined. */
async function barrelOwners(barrel: string, seen = new Map<string, Map<string, string>>()) {
  const known = seen.get(barrel);
  if (known) return known;
  const owner = new Map<string, string>();
  seen.set(barrel, owner);
  const ambiguous = new Set<string>();
  const own = (name: string, file: string): void => {
    if (owner.has(name) && owner.get(name) !== file) ambiguous.add(name);
    owner.set(name, file);
  };
  const text = readFileSync(barrel, 'utf8');
  for (const [, names, from] of text.matchAll(/^export (\*|\{[^}]*\}) from '([^']+)';$/gm)) {
    const file = resolve(dirname(barrel), from ?? '');
    const fileOwners = file.endsWith(`${sep}index.js`)
      ? await barrelOwners(file, seen)
      : new Map(Object.keys(await import(pathToFileURL(file).href)).map((n) => [n, file] as const));
    if (names === '*') for (const [name, at] of fileOwners) own(name, at);
    else
      for (const spec of (names ?? '').slice(1, -1).split(',')) {
        const [name, alias] = spec.trim().split(/\s+as\s+/);
        const at = fileOwners.get(name ?? '');
        // A renamed re-export cannot be pointed at its file under the new name.
        if (name && at && (alias === undefined || alias === name)) own(name, at);
      }
  }
  for (const name of ambiguous) owner.delete(name);
  return owner;
}

/**
 * Points static imports of kirinuki's barrels (`import { ok } from '../model/index.js'`) at the
 * modules that define the names (`import { ok } from '../model/result.js'`). With code splitting
 * esbuild assigns whole files to chunks by the imports that reach them, used or not: through the
 * barrels `search` reached the whole pipeline, linkedom, undici and zod — a third of its cold
 * start. Statements the pattern does not cover, or names it cannot place, are left as they are
 * (correct, only bigger).
 */
async function barrelSplitter(): Promise<Plugin> {
  const barrels = new Map<string, Map<string, string>>();
  const seen = new Map<string, Map<string, string>>();
  const findBarrels = async (dir: string): Promise<void> => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory() && path !== join(ROOT, 'dist/bundle')) await findBarrels(path);
      else if (item.name === 'index.js' && dir !== join(ROOT, 'dist'))
        barrels.set(path, await barrelOwners(path, seen));
    }
  };
  await findBarrels(join(ROOT, 'dist'));
  const barrelImport = /^import \{([^}]*)\} from '(\.\.?\/[^']*index\.js)';$/gm;
  return {
    name: 'kirinuki-barrel-splitter',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(DIST_DIR) || barrels.has(args.path)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('index.js')) return undefined;
        const here = dirname(args.path);
        const contents = text.replace(barrelImport, (statement, names: string, from: string) => {
          const owner = barrels.get(resolve(here, from));
          if (!owner) return statement;
          const byFile = new Map<string, string[]>();
          for (const spec of names
            .split(',')
            .map((n) => n.trim())
            .filter((n) => n !== '')) {
            const file = owner.get(spec.split(/\s+as\s+/)[0] ?? '');
            if (!file) return statement;
            byFile.set(file, [...(byFile.get(file) ?? []), spec]);
          }
          return [...byFile]
            .map(([file, named]) => {
              const path = relative(here, file).split(sep).join('/');
              return `import { ${named.join(', ')} } from '${path.startsWith('.') ? path : `./${path}`}';`;
            })
            .join(' ');
        });
        return { contents, loader: 'js', resolveDir: here };
      });
    },
  };
}

/**
 * Loads better-sqlite3 with `require` (from the banner's createRequire) rather than `import`:
 * importing a CommonJS package from ESM makes Node scan its sources for the names it exports,
 * about a tenth of what `show` costs over bare Node. It stays outside the bundle, as it finds its
 * native addon relative to its own files; the default import is `module.exports` either way.
 * The same holds for pg-native and libpq (the PostgreSQL archive's native addon), which the
 * archive loads itself on first use; should anything import them, they stay outside too.
 */
const requireBetterSqlite: Plugin = {
  name: 'kirinuki-require-native-addons',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3|pg-native|libpq)$/ }, (args) =>
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
    entryPoints: { kirinuki: ENTRY, 'people-worker': PEOPLE_WORKER },
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
    plugins: [await barrelSplitter(), requireBetterSqlite],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

await main();
