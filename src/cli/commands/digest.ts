import type { DigestFormat } from '../../publish/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { checkBeforePublishing } from '../check-before-publishing.js';
import { UsageError } from '../io.js';
import { dayOption } from '../options.js';

export interface DigestCommandOptions {
  date?: string;
  format?: string;
  stories?: boolean;
  standalone?: boolean;
  embedScript?: boolean;
  strict?: boolean;
  check?: boolean;
  tagUrl?: string;
  days?: string;
  baseUrl?: string;
  title?: string;
}

/** Where a feed links when no `--base-url` is given: nothing a reader could open by mistake. */
const DEFAULT_BASE_URL = 'https://kirinuki.invalid/';

/**
 * `kirinuki digest --date YYYY-MM-DD [--format F] [--strict]`: a day's digest in a publishing
 * format (the clip-document text by default; `atom`: a feed of the `--days N` filed days up to
 * that day). The summary lines' quotes are checked against their entries' text first; flags go
 * to stderr, and `--strict` refuses to print with flags. `--stories` shows each story once,
 * with a line naming its other sources (`--json`: the stories as data).
 */
export async function digestCommand(
  ctx: CommandContext,
  opts: DigestCommandOptions,
): Promise<number> {
  const day = dayOption(opts.date, 'digest', '--date');
  const publish = await import('../../publish/index.js');
  // `--json` asks for data: the day as JSON unless another format was named.
  const named = opts.format ?? 'text';
  const format = ctx.json && !opts.stories && named === 'text' ? 'json' : named;
  const formats: readonly string[] = [...publish.DIGEST_FORMATS, 'atom'];
  if (!formats.includes(format))
    throw new UsageError(`digest: --format must be one of ${formats.join(', ')}`);
  const tagUrl = tagUrlOf(opts.tagUrl);
  if (opts.stories && format !== 'text')
    throw new UsageError('digest: --stories is a view of the text format only');
  const pipeline = await import('../../pipeline/index.js');
  const archive = await ctx.openArchive();
  if (opts.stories && ctx.json) {
    writeJson(ctx.io, pipeline.storiesOfDay(archive, day));
    return 0;
  }
  const digestDay = pipeline.digestDayOf(archive, day);
  if (digestDay.entries.length === 0) {
    ctx.io.stderr.write(`digest: no entries filed for ${day}\n`);
    return 1;
  }
  if (!(await checkBeforePublishing(ctx, archive, day, opts, 'digest', 'nothing printed')))
    return 1;

  if (format === 'atom') {
    const days = Number(opts.days ?? '30');
    if (!Number.isInteger(days) || days < 1)
      throw new UsageError('digest: --days must be a whole number of days, 1 or more');
    const base = baseUrlOf(opts.baseUrl);
    const feedDays = pipeline.digestDaysOf(archive, pipeline.shiftDay(day, 1 - days), day);
    ctx.io.stdout.write(
      publish.renderDigestAtom(feedDays, {
        id: base,
        title: opts.title ?? 'kirinuki digest',
        link: base,
        self: new URL('feed.xml', base).href,
        author: opts.title ?? 'kirinuki',
        entryUrl: (d) => new URL(`days/${d.day}.html`, base).href,
        render: (d) => publish.renderDigestHtml(d, { tagHref: tagUrl }),
      }),
    );
    return 0;
  }
  const text = opts.stories
    ? pipeline.storyDigestOfDay(archive, day)
    : publish.renderDigest(digestDay, format as DigestFormat, {
        standalone: opts.standalone === true,
        embedScript: opts.embedScript === true,
        ...(tagUrl ? { tagUrl } : {}),
      });
  ctx.io.stdout.write(text);
  return 0;
}

/** `--tag-url 'https://blog.example/tag/{tag}'`: each tag's link, the tag URL-encoded. */
function tagUrlOf(template: string | undefined): ((tag: string) => string) | undefined {
  if (template === undefined) return undefined;
  if (!template.includes('{tag}')) throw new UsageError('digest: --tag-url must contain {tag}');
  if (!/^https?:\/\//u.test(template))
    throw new UsageError('digest: --tag-url must be an http(s) URL');
  return (tag) => template.replaceAll('{tag}', encodeURIComponent(tag));
}

function baseUrlOf(given: string | undefined): string {
  const raw = given ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw.endsWith('/') ? raw : `${raw}/`);
  } catch {
    throw new UsageError(`digest: --base-url is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError('digest: --base-url must be an http(s) URL');
  return url.href;
}
