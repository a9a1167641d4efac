import { Command, CommanderError } from 'commander';
import type { Archive } from '../archive/index.js';
import { openArchiveAt, type CommandContext } from './context.js';
import { UsageError, type CliIo } from './io.js';
import { checkArchiveLocation } from './options.js';

/**
 * The kirinuki command line as a function: parses `argv` (without `node` and the script), runs
 * the command against `io`, and resolves to the exit code — 0 ok, 1 user error, 2 internal
 * error. Command implementations load lazily so start-up stays fast.
 *
 * @example
 * const code = await run(['search', '停戦', '--db', 'archive.db'], processIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  let archive: Archive | undefined;
  const program = new Command('kirinuki');
  const ctx: CommandContext = {
    io,
    json: argv.includes('--json'),
    archivePath: async () => {
      const { defaultArchivePath } = await import('../archive/index.js');
      return program.opts<{ db?: string }>().db ?? defaultArchivePath(io.env);
    },
    openArchive: async () => {
      if (archive) return archive;
      const { defaultArchivePath } = await import('../archive/index.js');
      const { db, create } = program.opts<{ db?: string; create?: boolean }>();
      // A path the user named is checked; the default folder is kirinuki's to make.
      const named = db ?? io.env.KIRINUKI_DB;
      if (named !== undefined && named !== '') checkArchiveLocation(named, create === true);
      // A postgres:// URL opens PostgreSQL, a path SQLite (openArchiveAt).
      archive = await openArchiveAt(db ?? defaultArchivePath(io.env));
      return archive;
    },
  };
  const act =
    <A extends unknown[]>(load: () => Promise<(ctx: CommandContext, ...a: A) => Promise<number>>) =>
    async (...a: A): Promise<void> => {
      code = await (await load())(ctx, ...a);
    };
  defineCommands(program, io, act);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    code = exitCodeFor(e, io);
  } finally {
    archive?.close();
  }
  return code;
}

function exitCodeFor(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
  if (e instanceof UsageError) {
    io.stderr.write(`kirinuki: ${e.message}\n`);
    return 1;
  }
  const err = e as Error;
  io.stderr.write(`kirinuki: internal error: ${err.message ?? String(e)}\n`);
  if (err.cause)
    io.stderr.write(`  caused by: ${String((err.cause as Error).message ?? err.cause)}\n`);
  return 2;
}

/** Commander's collector for a repeatable option: `--line A --line B` → ['A', 'B']. */
const collectLines = (value: string, previous: string[]): string[] => [...previous, value];

const TAXONOMY_HELP = 'the taxonomy file (default: taxonomy.json beside the archive)';

// Keeps the action type loose enough for commander's variadic callbacks.
type Act = <A extends unknown[]>(
  load: () => Promise<(ctx: CommandContext, ...a: A) => Promise<number>>,
) => (...a: A) => Promise<void>;

function defineCommands(program: Command, io: CliIo, act: Act): void {
  program
    .description('kirinuki (切り抜き): capture, search and publish daily news-clipping digests')
    .option(
      '--db <path>',
      'archive file, or postgres://… for PostgreSQL (default: $KIRINUKI_DB or the user data directory)',
    )
    .option('--json', 'machine-readable output')
    .option('--create', "make the --db file's folder when it does not exist")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  const sub = (name: string, description: string): Command =>
    program
      .command(name)
      .description(description)
      .option('--json', 'machine-readable output')
      .exitOverride();

  sub('parse <file>', 'parse a clip document (FILE or - for stdin) and print it as JSON').action(
    act(async () => (await import('./commands/parse.js')).parseCommand),
  );
  sub('render <file>', 'render the JSON printed by `parse` back to the exact text').action(
    act(async () => (await import('./commands/render.js')).renderCommand),
  );
  sub(
    'import <files...>',
    'import clip documents (files or directories of .txt), archive dumps and text exports',
  )
    .option('--day <YYYY-MM-DD>', 'file the entries under this digest day')
    .option('--story-days <n>', 'days either side of an entry to look for its story', '2')
    .option('--no-optimize', 'do not optimise the index after filing 1,000 or more new entries')
    .option('--enqueue', 'send an import job per file to the queue for workers instead')
    .option('--queue <url>', 'the job queue for --enqueue: postgres://… (default: $KIRINUKI_QUEUE)')
    .action(act(async () => (await import('./commands/import.js')).importCommand));
  sub(
    'search <query...>',
    'search the archive: words, "phrases", -exclude, tag: from: speaker: since: until:',
  )
    .option('--limit <n>', 'results to show', '20')
    .option('--offset <n>', 'results to skip', '0')
    .option('--stories', 'one result per story, with how many other sources it has')
    .option(
      '--sort <order>',
      'rank (best first, recent a little ahead) or date (newest first)',
      'rank',
    )
    .action(act(async () => (await import('./commands/search.js')).searchCommand));
  sub('show <id>', 'show one entry by id or unique id prefix').action(
    act(async () => (await import('./commands/show.js')).showCommand),
  );
  sub('days', 'the filed days, newest first, with how many entries each holds').action(
    act(async () => (await import('./commands/days.js')).daysCommand),
  );
  sub('edit <id>', "set an entry's summary lines (and tags), teaching the tag model at once")
    .option('--line <line>', "a summary line '#Tag(…)'; repeat for more", collectLines, [])
    .option('--clear', 'take every summary line off the entry')
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .option('--knowledge <files...>', 'extra knowledge files for annotation')
    .action(act(async () => (await import('./commands/edit.js')).editCommand));
  sub('accept <id>', 'file the proposed summary line (or the corrected --line) and learn it now')
    .option('--line <line>', "the line as corrected, '#Tag(…)'")
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .option('--knowledge <files...>', 'extra knowledge files for annotation')
    .action(act(async () => (await import('./commands/accept.js')).acceptCommand));
  sub('drop <id>', 'remove an entry from the archive').action(
    act(async () => (await import('./commands/drop.js')).dropCommand),
  );
  sub('export', 'write the archive, by day: jsonl (the archive dump import restores) or text')
    .option('--format <format>', 'jsonl or text', 'jsonl')
    .option(
      '--out <path>',
      'jsonl: write to this file; text: one YYYY-MM-DD.txt a day in this folder',
    )
    .action(act(async () => (await import('./commands/export.js')).exportCommand));
  sub('digest', "print a day's digest in a publishing format (the clip-document text by default)")
    .option('--date <YYYY-MM-DD>', 'the digest day')
    .option(
      '--format <format>',
      'text, markdown, hatena, hatena-markdown, html, json or atom',
      'text',
    )
    .option('--standalone', 'html: a full page rather than a fragment')
    .option('--embed-script', "html: include X's widget script that turns posts into embeds")
    .option('--tag-url <template>', "link each tag, e.g. 'https://blog.example/tag/{tag}'")
    .option('--days <n>', 'atom: how many days up to --date the feed holds', '30')
    .option('--base-url <url>', "atom: the site the feed's entries link to")
    .option('--title <text>', "atom: the feed's title and author")
    .option('--strict', 'refuse to print when the quote check flags a summary line')
    .option('--no-check', 'skip the quote check')
    .option('--stories', 'show each story once, naming its other sources')
    .action(act(async () => (await import('./commands/digest.js')).digestCommand));
  sub('publish', "post a day's digest to a blog, or update the post it was posted as")
    .option('--date <YYYY-MM-DD>', 'the digest day')
    .option('--to <blog>', 'hatena or wordpress')
    .option('--publish', 'make the post public (a new post is a draft otherwise)')
    .option('--draft', 'make the post a draft (an update keeps its status otherwise)')
    .option('--title <text>', "the post's title (default: 2024年3月4日の切り抜き)")
    .option('--category <names...>', 'categories to file the post in, besides the document tags')
    .option('--syntax <syntax>', 'hatena: the notation the blog is set to, hatena or markdown')
    .option(
      '--config <path>',
      'blog settings file (default: $KIRINUKI_BLOG_CONFIG or blogs.json in the config directory)',
    )
    .option('--strict', 'refuse to post when the quote check flags a summary line')
    .option('--no-check', 'skip the quote check')
    .option('--retries <n>', 'retries after a 5xx or network error', '3')
    .option('--retry-delay <ms>', 'first wait before a retry, doubled each time', '1000')
    .option(
      '--timeout <seconds>',
      'time for the whole fetch: redirects, retries and waits included',
      '30',
    )
    .action(act(async () => (await import('./commands/publish.js')).publishCommand));
  sub(
    'doctor',
    "check the archive's consistency: storage, search index, partial entries, counts",
  ).action(act(async () => (await import('./commands/doctor.js')).doctorCommand));
  sub('backup <file>', 'write a consistent copy of the whole archive, while imports may run')
    .option('--force', 'replace FILE if it exists')
    .action(act(async () => (await import('./commands/backup.js')).backupCommand));
  sub('restore <file>', 'make a backup the archive again, after checking it')
    .option('--force', 'replace the existing archive')
    .action(act(async () => (await import('./commands/backup.js')).restoreCommand));
  sub('reindex', 'derive identity keys, people and stories again for every entry')
    .option('--story-days <n>', 'days either side of an entry to look for its story', '2')
    .option('--no-people', 'keep the people found in the text as they are (faster)')
    .action(act(async () => (await import('./commands/reindex.js')).reindexCommand));
  sub('check [file]', "look up every summary-line quote and speaker in its entry's text")
    .option('--date <YYYY-MM-DD>', 'check a day of the archive instead of a file')
    .action(act(async () => (await import('./commands/check.js')).checkCommand));
  sub(
    'optimize',
    'compact the search index and build the ranking lists (after large imports; takes a while)',
  )
    .option(
      '--vacuum',
      'also give freed space back to the file system (needs the archive to itself)',
    )
    .action(act(async () => (await import('./commands/optimize.js')).optimizeCommand));
  sub('stats', 'what the archive holds').action(
    act(async () => (await import('./commands/stats.js')).statsCommand),
  );
  sub('migrate', "bring the archive's schema up to date (SQLite file or postgres://…)").action(
    act(async () => (await import('./commands/migrate.js')).migrateCommand),
  );
  sub(
    'annotate [file]',
    'quotes and speakers, names, dates and caveats of a clip document or plain text',
  )
    .option(
      '--jsonl',
      'stream JSON lines {"id","text","date"?} in, one annotation line out per input',
    )
    .option(
      '--knowledge <files...>',
      'extra knowledge files (aliases, titles, …) extending data/nlp',
    )
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .action(act(async () => (await import('./commands/annotate.js')).annotateCommand));
  const tags = sub('tags', 'list the tags of the taxonomy and the archive with their counts')
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .action(act(async () => (await import('./commands/tags.js')).tagsCommand));
  const tagsSub = (name: string, description: string): Command =>
    tags
      .command(name)
      .description(description)
      .option('--taxonomy <path>', TAXONOMY_HELP)
      .option('--json', 'machine-readable output')
      .exitOverride();
  tagsSub('add <name>', 'add a tag to the taxonomy (and to the trained model)')
    .option('--description <text>', 'what the tag is about: teaches a model with no labels yet')
    .option('--keywords <words...>', 'words that suggest the tag')
    .action(act(async () => (await import('./commands/tags.js')).tagsAddCommand));
  tagsSub('rename <old> <new>', 'rename a tag in the taxonomy, the archive and the model').action(
    act(async () => (await import('./commands/tags.js')).tagsRenameCommand),
  );
  tagsSub('merge <tags...>', 'merge tags into the last one named, everywhere').action(
    act(async () => (await import('./commands/tags.js')).tagsMergeCommand),
  );
  tagsSub(
    'learn <file>',
    "learn a clip document's summarised entries (FILE or -) into the model now",
  )
    .option('--knowledge <files...>', 'extra knowledge files for annotation')
    .action(act(async () => (await import('./commands/tags-learn.js')).tagsLearnCommand));
  tagsSub(
    'import <file>',
    'merge a taxonomy file (see samples/taxonomy.json) into the taxonomy',
  ).action(act(async () => (await import('./commands/tags.js')).tagsImportCommand));
  sub('train', 'rebuild the tag model and summary style from the labelled entries of the archive')
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .option('--knowledge <files...>', 'extra knowledge files for annotation')
    .action(act(async () => (await import('./commands/train.js')).trainCommand));
  sub('suggest <file>', 'print a clip document (FILE or -) with proposed summary lines where none')
    .option('--explain', 'say why each tag was proposed (stderr; in the JSON with --json)')
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .option('--knowledge <files...>', 'extra knowledge files for annotation')
    .action(act(async () => (await import('./commands/suggest.js')).suggestCommand));
  sub('fetch <url>', 'fetch a feed, article page or post and file it in the archive')
    .option(
      '--allow-host <host>',
      'a host that may resolve to a loopback or private address (repeatable)',
      collectLines,
      [],
    )
    .option(
      '--timeout <seconds>',
      'time for the whole fetch: redirects, retries and waits included',
      '15',
    )
    .action(act(async () => (await import('./commands/fetch.js')).fetchCommand));
  sub('watch <sources>', 'poll the feeds listed in a sources file and file what is new')
    .option('--state <path>', 'state file (default: SOURCES.state.json)')
    .option('--interval <minutes>', 'minutes between polls', '30')
    .option('--once', 'poll once and exit')
    .option(
      '--allow-host <host>',
      'a host that may resolve to a loopback or private address (repeatable)',
      collectLines,
      [],
    )
    .option('--enqueue', 'send a fetch job per feed to the queue instead of fetching (a scheduler)')
    .option('--queue <url>', 'the job queue for --enqueue: postgres://… (default: $KIRINUKI_QUEUE)')
    .action(act(async () => (await import('./commands/watch.js')).watchCommand));
  sub('worker', 'take jobs from the queue (fetch, import, annotate, retag, story) until stopped')
    .option('--queue <url>', 'the job queue: postgres://… (default: $KIRINUKI_QUEUE)')
    .option('--concurrency <n>', 'jobs run at once by this process', '1')
    .option(
      '--allow-host <host>',
      'a host fetch jobs may resolve to a loopback or private address (repeatable)',
      collectLines,
      [],
    )
    .option('--timeout <seconds>', 'time for each fetch: redirects, retries and waits included')
    .option(
      '--maintenance-interval <seconds>',
      'how often to return the jobs of workers that died to the queue',
      '60',
    )
    .option('--poll <seconds>', 'how long to wait before asking again when no job is due', '1')
    .action(act(async () => (await import('./commands/worker.js')).workerCommand));
  sub(
    'site <outdir>',
    'the archive as a static site: day, tag, person and story pages, search, feed',
  )
    .option('--base-url <url>', 'the absolute URL the site is served at, for the feed and sitemap')
    .option('--title <text>', "the site's name")
    .option('--feed-days <n>', 'how many of the latest days the Atom feed carries', '7')
    .option('--full', 'write every file again, whatever the last build wrote')
    .option('--serve [port]', 'then serve the site on 127.0.0.1 (default port 8000) for search')
    .action(act(async () => (await import('./commands/site.js')).siteCommand));
  const users = sub('users', 'the workbench accounts of a PostgreSQL archive (see users add)');
  const usersSub = (name: string, description: string): Command =>
    users
      .command(name)
      .description(description)
      .option('--json', 'machine-readable output')
      .exitOverride();
  usersSub('add <name>', 'add an account; prints a generated password once')
    .requiredOption('--role <role>', 'curator (edits) or viewer (reads)')
    .option('--password-stdin', 'read the password from the first line of stdin instead')
    .action(act(async () => (await import('./commands/users.js')).usersAddCommand));
  usersSub('list', 'the accounts and their roles').action(
    act(async () => (await import('./commands/users.js')).usersListCommand),
  );
  usersSub('remove <name>', 'remove an account and end its logins').action(
    act(async () => (await import('./commands/users.js')).usersRemoveCommand),
  );
  sub('serve', 'the workbench: the UI and its JSON API over the archive, until Ctrl-C')
    .option('--port <n>', 'the port to listen on (0: any free one)', '8080')
    .option(
      '--host <address>',
      'the address to listen on; any but loopback needs --token',
      '127.0.0.1',
    )
    .option(
      '--token <token>',
      'the access token every request needs (default: $KIRINUKI_TOKEN, or a fresh one on loopback)',
    )
    .option('--taxonomy <path>', TAXONOMY_HELP)
    .option(
      '--sources <file>',
      'the sources file of `kirinuki watch` that the workbench lists and edits (default: sources.txt beside the archive)',
    )
    .action(act(async () => (await import('./commands/serve.js')).serveCommand));
  sub('demo', 'import the bundled sample digests and show what kirinuki found (npm start)')
    .option('--dir <dir>', 'a directory of clip documents instead of the bundled samples')
    .action(act(async () => (await import('./commands/demo.js')).demoCommand));
}
