import { fileURLToPath } from 'node:url';

// This file sits three directories below the package root, as src/cli/commands/,
// dist/cli/commands/ and the bundle's chunks (dist/bundle/cli/) all do: paths to what ships
// with the package are made here, once, and nowhere else in the CLI.

/** The package's own package.json. */
export const PACKAGE_JSON = new URL('../../../package.json', import.meta.url);

/** The shipped abbreviations of the quote check (`data/text/abbreviations.json`). */
export const ABBREVIATIONS = fileURLToPath(
  new URL('../../../data/text/abbreviations.json', import.meta.url),
);

/** The built workbench UI. */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** The bundled sample digests. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples', import.meta.url));
