import type { PublishedStatus } from '../../archive/index.js';
import type { BlogCredentials, BlogHttpOptions, BlogTarget } from '../../blog/index.js';
import type { PublishOutcome } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { checkBeforePublishing } from '../check-before-publishing.js';
import { UsageError } from '../io.js';
import { dayOption } from '../options.js';

export interface PublishCommandOptions {
  date?: string;
  to?: string;
  publish?: boolean;
  draft?: boolean;
  title?: string;
  category?: string[];
  syntax?: string;
  config?: string;
  strict?: boolean;
  check?: boolean;
  retries?: string;
  retryDelay?: string;
  timeout?: string;
}

/**
 * `kirinuki publish --date YYYY-MM-DD --to hatena|wordpress [--publish|--draft]`: posts a
 * filed day's digest to the curator's blog, or updates the post it was posted as before. A new
 * post is a draft unless `--publish`; an update keeps the post's status on the blog unless
 * `--publish` or `--draft` says otherwise. Credentials come from the environment or the blog
 * settings file (mode 0600), never from the command line. The summary lines' quotes are checked
 * first, as `digest` does: flags go to stderr, and `--strict` refuses to publish with flags.
 */
export async function publishCommand(
  ctx: CommandContext,
  opts: PublishCommandOptions,
): Promise<number> {
  const day = dayOption(opts.date, 'publish', '--date');
  const blog = await import('../../blog/index.js');
  const target = opts.to as BlogTarget | undefined;
  if (target === undefined || !blog.BLOG_TARGETS.includes(target))
    throw new UsageError(`publish: --to must be one of ${blog.BLOG_TARGETS.join(', ')}`);
  if (opts.publish && opts.draft)
    throw new UsageError('publish: --publish and --draft ask for opposite things; give one');
  const http = httpOptions(opts);

  const loaded = blog.loadBlogCredentials(target, ctx.io.env, { configPath: opts.config });
  if (!loaded.ok) {
    ctx.io.stderr.write(`${loaded.error.message}\n`);
    return 1;
  }
  const credentials = withSyntax(loaded.value, opts.syntax, blog.HATENA_SYNTAXES);

  const pipeline = await import('../../pipeline/index.js');
  const archive = await ctx.openArchive();
  if (archive.entriesOfDay(day).length === 0) {
    ctx.io.stderr.write(`publish: no entries filed for ${day}\n`);
    return 1;
  }
  if (!(await checkBeforePublishing(ctx, archive, day, opts, 'publish', 'nothing posted')))
    return 1;

  const r = await pipeline.publishDay(archive, day, credentials, {
    ...(opts.publish ? { status: 'publish' as const } : {}),
    ...(opts.draft ? { status: 'draft' as const } : {}),
    ...(opts.title === undefined ? {} : { title: opts.title }),
    categories: opts.category ?? [],
    http,
  });
  if (!r.ok) {
    ctx.io.stderr.write(`${r.error.message}\n`);
    if (r.error.kind === 'auth')
      ctx.io.stderr.write(`publish: check your credentials, from ${credentials.source}\n`);
    return 1;
  }
  for (const notice of r.value.notices) ctx.io.stderr.write(`${notice}\n`);
  if (ctx.json) writeJson(ctx.io, r.value);
  else ctx.io.stdout.write(`${describeOutcome(r.value)}\n`);
  return 0;
}

const DONE: Record<PublishOutcome['action'], Record<PublishedStatus, string>> = {
  created: { draft: 'posted as a draft', publish: 'published' },
  updated: { draft: 'updated (draft)', publish: 'updated (public)' },
  recreated: { draft: 'posted anew as a draft', publish: 'published anew' },
};

/**
 * One line for the terminal: what was done, and where the post is.
 *
 * @example
 * describeOutcome(outcome); // 'hatena: 2024-03-04 posted as a draft: https://….hatenablog.com/entry/…'
 */
export function describeOutcome(outcome: PublishOutcome): string {
  const { post, action } = outcome;
  return `${post.target}: ${post.day} ${DONE[action][post.status]}: ${post.url ?? post.editUrl}`;
}

/** `--syntax` overrides the blog's setting of Hatena notation or Markdown. */
function withSyntax(
  credentials: BlogCredentials,
  syntax: string | undefined,
  syntaxes: readonly string[],
): BlogCredentials {
  if (syntax === undefined) return credentials;
  if (credentials.target !== 'hatena')
    throw new UsageError('publish: --syntax is for Hatena Blog (--to hatena)');
  if (!syntaxes.includes(syntax))
    throw new UsageError(`publish: --syntax must be one of ${syntaxes.join(', ')}`);
  return { ...credentials, syntax: syntax as typeof credentials.syntax };
}

function httpOptions(opts: PublishCommandOptions): BlogHttpOptions {
  const out: BlogHttpOptions = {};
  const retries = wholeNumber(opts.retries, '--retries', 10);
  if (retries !== undefined) out.retries = retries;
  const delay = wholeNumber(opts.retryDelay, '--retry-delay', 60_000);
  if (delay !== undefined) out.retryDelayMs = delay;
  if (opts.timeout !== undefined) {
    const ms = Math.round(Number(opts.timeout) * 1000);
    if (!Number.isFinite(ms) || ms < 1)
      throw new UsageError(
        `publish: --timeout must be a positive number of seconds, got "${opts.timeout}"`,
      );
    out.timeoutMs = ms;
  }
  return out;
}

function wholeNumber(value: string | undefined, option: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`publish: ${option} must be a whole number up to ${max}, got "${value}"`);
  return Number(value);
}
