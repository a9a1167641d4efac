import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { z } from 'zod';
import { err, ok, type Result } from '../model/index.js';
import { unsafeForCredentials } from './http.js';
import type { BlogFailure, BlogTarget } from './types.js';

/** The notations a Hatena blog can be set to write in; the post's content must match. */
export const HATENA_SYNTAXES = ['hatena', 'markdown'] as const;
export type HatenaSyntax = (typeof HATENA_SYNTAXES)[number];

/** What the Hatena Blog AtomPub client needs. */
export interface HatenaCredentials {
  target: 'hatena';
  hatenaId: string;
  /** The blog's id: its original domain (`example.hatenablog.com`). */
  blogId: string;
  apiKey: string;
  /** The AtomPub root endpoint (the blog's settings show it): `https://blog.hatena.ne.jp/{id}/{blog}/atom`. */
  endpoint: string;
  /** The notation the blog is set to write in (its settings; each post keeps the blog's). */
  syntax: HatenaSyntax;
  /** Where the settings came from, for messages: environment variable names, the file's path. */
  source: string;
}

/** What the WordPress REST client needs. */
export interface WordPressCredentials {
  target: 'wordpress';
  /** The site's address (`https://example.com`); the REST API is under `/wp-json`. */
  siteUrl: string;
  user: string;
  /** An application password (Users → Profile → Application Passwords), not the login one. */
  appPassword: string;
  /** Categories every post is filed in, by name. */
  categories: string[];
  source: string;
}

export type BlogCredentials = HatenaCredentials | WordPressCredentials;

/** Where credentials are looked for besides the environment. */
export interface CredentialOptions {
  /** A settings file the user named: it must exist. */
  configPath?: string;
}

const HatenaSection = z.strictObject({
  hatenaId: z.string().min(1).optional(),
  blogId: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  endpoint: z.string().min(1).optional(),
  syntax: z.enum(HATENA_SYNTAXES).optional(),
});

const WordPressSection = z.strictObject({
  url: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
  applicationPassword: z.string().min(1).optional(),
  categories: z.array(z.string().min(1)).optional(),
});

/** The settings file: `{ "hatena": {…}, "wordpress": {…} }`, each section optional. */
const BlogConfig = z.strictObject({
  hatena: HatenaSection.optional(),
  wordpress: WordPressSection.optional(),
});
type BlogConfig = z.infer<typeof BlogConfig>;

/** Each setting's environment variable, by target and key of the settings file. */
export const CREDENTIAL_ENV = {
  hatena: {
    hatenaId: 'KIRINUKI_HATENA_ID',
    blogId: 'KIRINUKI_HATENA_BLOG',
    apiKey: 'KIRINUKI_HATENA_API_KEY',
    endpoint: 'KIRINUKI_HATENA_ENDPOINT',
    syntax: 'KIRINUKI_HATENA_SYNTAX',
  },
  wordpress: {
    url: 'KIRINUKI_WP_URL',
    user: 'KIRINUKI_WP_USER',
    applicationPassword: 'KIRINUKI_WP_APP_PASSWORD',
    categories: 'KIRINUKI_WP_CATEGORIES',
  },
} as const;

/**
 * The blog settings file: `$KIRINUKI_BLOG_CONFIG`, else `blogs.json` in kirinuki's config
 * directory (`~/.config/kirinuki/blogs.json` on Linux).
 *
 * @example
 * defaultBlogConfigPath({ KIRINUKI_BLOG_CONFIG: '/tmp/blogs.json' }); // '/tmp/blogs.json'
 */
export function defaultBlogConfigPath(env: Record<string, string | undefined>): string {
  const named = env.KIRINUKI_BLOG_CONFIG;
  if (named !== undefined && named.trim() !== '') return named;
  return join(envPaths('kirinuki', { suffix: '' }).config, 'blogs.json');
}

/**
 * A blog's credentials and settings: each from its environment variable (`CREDENTIAL_ENV`),
 * else from the target's section of the settings file. The file must be readable by its owner
 * only (mode 0600): a file others can read is refused, whatever it holds. Secrets never reach
 * a message.
 *
 * @example
 * const r = loadBlogCredentials('hatena', process.env);
 * if (!r.ok) console.error(r.error.message); // blog: Hatena Blog needs KIRINUKI_HATENA_API_KEY (or "apiKey" …)
 */
export function loadBlogCredentials(
  target: 'hatena',
  env: Record<string, string | undefined>,
  options?: CredentialOptions,
): Result<HatenaCredentials, BlogFailure>;
export function loadBlogCredentials(
  target: 'wordpress',
  env: Record<string, string | undefined>,
  options?: CredentialOptions,
): Result<WordPressCredentials, BlogFailure>;
export function loadBlogCredentials(
  target: BlogTarget,
  env: Record<string, string | undefined>,
  options?: CredentialOptions,
): Result<BlogCredentials, BlogFailure>;
export function loadBlogCredentials(
  target: BlogTarget,
  env: Record<string, string | undefined>,
  options: CredentialOptions = {},
): Result<BlogCredentials, BlogFailure> {
  const named = options.configPath ?? nonEmpty(env.KIRINUKI_BLOG_CONFIG);
  const path = named ?? defaultBlogConfigPath(env);
  const file = readBlogConfig(path, named !== undefined);
  if (!file.ok) return file;
  const fileUsed = file.value !== null;
  return target === 'hatena'
    ? hatenaCredentials(env, file.value?.hatena ?? {}, fileUsed ? path : null)
    : wordpressCredentials(env, file.value?.wordpress ?? {}, fileUsed ? path : null);
}

function hatenaCredentials(
  env: Record<string, string | undefined>,
  section: z.infer<typeof HatenaSection>,
  path: string | null,
): Result<HatenaCredentials, BlogFailure> {
  const pick = picker(env, CREDENTIAL_ENV.hatena, section, path);
  const hatenaId = pick.value('hatenaId');
  const blogId = pick.value('blogId');
  const apiKey = pick.value('apiKey');
  const endpoint = pick.value('endpoint');
  const syntax = pick.value('syntax');
  if (hatenaId === undefined || blogId === undefined || apiKey === undefined)
    return err(pick.missing('Hatena Blog', ['hatenaId', 'blogId', 'apiKey']));
  if (syntax !== undefined && !(HATENA_SYNTAXES as readonly string[]).includes(syntax))
    return err(
      configFailure(`${pick.where('syntax')} must be hatena or markdown, not "${syntax}"`),
    );
  const root = (endpoint ?? `https://blog.hatena.ne.jp/${hatenaId}/${blogId}/atom`).replace(
    /\/+$/,
    '',
  );
  const unsafe = unsafeForCredentials(root);
  if (unsafe !== null) return err(configFailure(`${pick.where('endpoint')}: ${unsafe}`));
  return ok({
    target: 'hatena',
    hatenaId,
    blogId,
    apiKey,
    endpoint: root,
    syntax: (syntax as HatenaSyntax | undefined) ?? 'hatena',
    source: pick.source(),
  });
}

function wordpressCredentials(
  env: Record<string, string | undefined>,
  section: z.infer<typeof WordPressSection>,
  path: string | null,
): Result<WordPressCredentials, BlogFailure> {
  const { categories: fileCategories, ...strings } = section;
  const pick = picker(env, CREDENTIAL_ENV.wordpress, strings, path);
  const url = pick.value('url');
  const user = pick.value('user');
  const appPassword = pick.value('applicationPassword');
  if (url === undefined || user === undefined || appPassword === undefined)
    return err(pick.missing('WordPress', ['url', 'user', 'applicationPassword']));
  const siteUrl = url.replace(/\/+$/, '');
  const unsafe = unsafeForCredentials(siteUrl);
  if (unsafe !== null) return err(configFailure(`${pick.where('url')}: ${unsafe}`));
  const envCategories = nonEmpty(env[CREDENTIAL_ENV.wordpress.categories]);
  const categories =
    envCategories !== undefined
      ? envCategories
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '')
      : (fileCategories ?? []);
  return ok({
    target: 'wordpress',
    siteUrl,
    user,
    appPassword,
    categories,
    source: pick.source(),
  });
}

/** Reads settings by key, the environment first, remembering where each came from. */
function picker<K extends string>(
  env: Record<string, string | undefined>,
  names: Record<K, string>,
  section: Partial<Record<K, string>>,
  path: string | null,
) {
  const envUsed: string[] = [];
  let fileUsed = false;
  return {
    value(key: K): string | undefined {
      const fromEnv = nonEmpty(env[names[key]]);
      if (fromEnv !== undefined) {
        envUsed.push(names[key]);
        return fromEnv;
      }
      const fromFile = section[key];
      if (fromFile !== undefined) fileUsed = true;
      return fromFile;
    },
    where(key: K): string {
      return nonEmpty(env[names[key]]) !== undefined || path === null
        ? names[key]
        : `"${key}" in ${path}`;
    },
    missing(blog: string, required: K[]): BlogFailure {
      const absent = required.filter(
        (k) => nonEmpty(env[names[k]]) === undefined && section[k] === undefined,
      );
      const vars = absent.map((k) => names[k]).join(', ');
      const keys = absent.map((k) => `"${k}"`).join(', ');
      const sectionName = blog === 'Hatena Blog' ? 'hatena' : 'wordpress';
      return configFailure(
        `${blog} needs ${vars} in the environment (or ${keys} in the "${sectionName}" section of ${
          path ?? 'the blog settings file'
        })`,
      );
    },
    source(): string {
      const parts: string[] = [];
      if (envUsed.length > 0) parts.push(`the environment (${envUsed.join(', ')})`);
      if (fileUsed && path !== null) parts.push(path);
      return parts.join(' and ');
    },
  };
}

/**
 * The settings file, or `null` when there is none and none was named. Refused when others may
 * read it, and when it is not the expected JSON; a JSON syntax error is reported by position
 * only, since the parser's own message quotes the text around it — possibly a key.
 */
function readBlogConfig(path: string, named: boolean): Result<BlogConfig | null, BlogFailure> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' && !named) return ok(null);
    return err(configFailure(`cannot read the blog settings file ${path} (${code ?? 'error'})`));
  }
  let text: string;
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0)
      return err(
        configFailure(
          `${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}) and holds blog keys; ` +
            `run: chmod 600 ${path}`,
        ),
      );
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
    return err(
      configFailure(`${path} is not valid JSON${at === undefined ? '' : ` (at character ${at})`}`),
    );
  }
  const parsed = BlogConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the top level';
    return err(configFailure(`${path}: ${where}: ${issue?.message ?? 'not a blog settings file'}`));
  }
  return ok(parsed.data);
}

/**
 * The secrets of a blog's credentials as they could appear in text: the key itself and the
 * Basic authorization value carrying it. Messages are cleaned of these before they leave.
 *
 * @example
 * secretsOf(hatena); // ['<api key>', '<base64 of id:key>']
 */
export function secretsOf(credentials: BlogCredentials): string[] {
  const [user, secret] =
    credentials.target === 'hatena'
      ? [credentials.hatenaId, credentials.apiKey]
      : [credentials.user, credentials.appPassword];
  const variants = [secret, secret.replace(/\s+/g, '')];
  return [...new Set([...variants, ...variants.map((s) => basicToken(user, s))])];
}

/**
 * `text` with every secret replaced by `[secret]`.
 *
 * @example
 * redactSecrets('bad key abc123', ['abc123']); // 'bad key [secret]'
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return out;
}

/**
 * The value of HTTP Basic authorization for a user and password (UTF-8, base64).
 *
 * @example
 * basicToken('user', 'pass'); // 'dXNlcjpwYXNz'
 */
export function basicToken(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

function configFailure(message: string): BlogFailure {
  return { kind: 'config', message: `blog: ${message}` };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}
