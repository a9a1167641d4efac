import { resolve } from 'node:path';
import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';

export interface SiteCommandOptions {
  baseUrl?: string;
  title?: string;
  feedDays?: string;
  full?: boolean;
  serve?: boolean | string;
}

/** Where `--serve` listens without a port: the default base URL's port. */
const DEFAULT_PORT = 8000;

/**
 * `kirinuki site OUTDIR [--base-url URL] [--title T] [--feed-days N] [--full] [--serve [PORT]]`:
 * the archive as a static site in OUTDIR — a page per day, tag, person and story, an index of
 * days, search with no server, the Atom feed and sitemap.xml. A second run writes only what
 * changed. `--serve` then serves OUTDIR on 127.0.0.1 until interrupted (search needs HTTP).
 *
 * @example
 * await siteCommand(ctx, 'site', { baseUrl: 'https://example.org/kirinuki/' }); // 0
 */
export async function siteCommand(
  ctx: CommandContext,
  outDir: string,
  opts: SiteCommandOptions,
): Promise<number> {
  const feedDays = opts.feedDays === undefined ? undefined : Number(opts.feedDays);
  if (feedDays !== undefined && (!Number.isInteger(feedDays) || feedDays < 1))
    throw new UsageError('site: --feed-days takes a whole number of days, 1 or more');
  const port = opts.serve === undefined || opts.serve === true ? DEFAULT_PORT : Number(opts.serve);
  if (opts.serve !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new UsageError('site: --serve takes a port number');
  const pipeline = await import('../../pipeline/index.js');
  const knowledge = await loadCliKnowledge(ctx.io);
  const archive = await ctx.openArchive();
  const started = performance.now();
  const built = pipeline.buildSite(archive, outDir, {
    baseUrl: opts.baseUrl,
    title: opts.title,
    feedDays,
    knowledge,
    full: opts.full === true,
  });
  if (!built.ok) {
    ctx.io.stderr.write(`${built.error.message}\n`);
    return 1;
  }
  const r = built.value;
  const seconds = (performance.now() - started) / 1000;
  if (ctx.json) writeJson(ctx.io, { outDir: resolve(outDir), seconds, ...r });
  else {
    ctx.io.stdout.write(
      `site: ${r.written.length} files written, ${r.unchanged} unchanged, ${r.removed.length} removed in ${seconds.toFixed(1)} s → ${outDir}\n` +
        `  ${r.days} days, ${r.entries} entries, ${r.tags} tags, ${r.people} people, ${r.stories} stories\n`,
    );
    if (opts.serve === undefined)
      ctx.io.stdout.write(
        `  open ${resolve(outDir, 'index.html')}, or serve it for search: kirinuki site ${outDir} --serve\n`,
      );
  }
  if (opts.serve === undefined) return 0;
  const server = await pipeline.serveSite(outDir, port);
  ctx.io.stdout.write(`site: serving ${outDir} at ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}
