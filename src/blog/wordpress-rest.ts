import { z } from 'zod';
import { err, ok, type Result } from '../model/index.js';
import { basicToken, secretsOf, type WordPressCredentials } from './credentials.js';
import { failure, failureOfAnswer, failureOfTrouble } from './failures.js';
import { BlogHttp, type HttpAnswer, type HttpRequest } from './http.js';
import { wordpressError } from './server-message.js';
import type {
  BlogClient,
  BlogFailure,
  BlogHttpOptions,
  BlogPostInput,
  RemotePost,
} from './types.js';

const BLOG = 'WordPress';

/** The part of a post object (`/wp/v2/posts/<id>`) the client reads. */
const PostAnswer = z.object({
  id: z.number().int(),
  link: z.string().optional(),
  status: z.string(),
});
/** The part of a term object (`/wp/v2/tags/<id>`, `/wp/v2/categories/<id>`) the client reads. */
const TermAnswer = z.object({ id: z.number().int(), name: z.string() });

type Taxonomy = 'tags' | 'categories';

/**
 * A client of the WordPress REST API (`/wp-json/wp/v2`): tags and categories are looked up by
 * name and created when missing, then the post is created (`POST /posts`, answered 201) or
 * updated (`POST /posts/<id>`). Basic authentication with an application password, over https
 * (or plain http to this machine). The content is HTML.
 *
 * @example
 * const client = createWordPressClient(credentials);
 * const r = await client.create({ title, content: html, tags: ['NATO'], categories: ['ニュース'], status: 'draft' });
 * await client.close();
 */
export function createWordPressClient(
  credentials: WordPressCredentials,
  options: BlogHttpOptions = {},
): BlogClient {
  return new WordPressClient(credentials, options);
}

/**
 * The REST root of a site, whether or not its address already names `/wp-json`.
 *
 * @example
 * wordpressRestRoot('https://example.com/'); // 'https://example.com/wp-json/wp/v2'
 */
export function wordpressRestRoot(siteUrl: string): string {
  const site = siteUrl.replace(/\/+$/, '');
  return /\/wp-json$/.test(site) ? `${site}/wp/v2` : `${site}/wp-json/wp/v2`;
}

class WordPressClient implements BlogClient {
  readonly target = 'wordpress' as const;
  readonly blog: string;
  private readonly http: BlogHttp;
  private readonly secrets: string[];
  private readonly authorization: string;

  constructor(credentials: WordPressCredentials, options: BlogHttpOptions) {
    this.blog = wordpressRestRoot(credentials.siteUrl);
    this.http = new BlogHttp(options);
    this.secrets = secretsOf(credentials);
    this.authorization = `Basic ${basicToken(credentials.user, credentials.appPassword)}`;
  }

  async create(post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>> {
    const terms = await this.termsOf(post);
    if (!terms.ok) return terms;
    const r = await this.sendJson('POST', `${this.blog}/posts`, {
      title: post.title,
      content: post.content,
      status: post.status ?? 'draft',
      ...terms.value,
    });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, 'create the post', this.secrets));
    if (r.value.status !== 201 && r.value.status !== 200)
      return err(
        this.notFoundIsRejected(failureOfAnswer(BLOG, r.value, 'create the post', this.secrets)),
      );
    return this.remotePost(r.value);
  }

  async update(editUrl: string, post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>> {
    if (!new RegExp(`^${escapeRegExp(this.blog)}/posts/\\d+$`).test(editUrl))
      return err(
        failure('config', `${editUrl} is not a post of the site at ${this.blog}`, this.secrets),
      );
    const terms = await this.termsOf(post);
    if (!terms.ok) return terms;
    // Without a status the post keeps the one it has on the site now.
    const r = await this.sendJson('POST', editUrl, {
      title: post.title,
      content: post.content,
      ...(post.status === undefined ? {} : { status: post.status }),
      ...terms.value,
    });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, 'update the post', this.secrets));
    if (r.value.status !== 200)
      return err(failureOfAnswer(BLOG, r.value, 'update the post', this.secrets));
    return this.remotePost(r.value);
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async termsOf(
    post: BlogPostInput,
  ): Promise<Result<{ tags: number[]; categories: number[] }, BlogFailure>> {
    const tags = await this.termIds('tags', post.tags);
    if (!tags.ok) return tags;
    const categories = await this.termIds('categories', post.categories);
    if (!categories.ok) return categories;
    return ok({ tags: tags.value, categories: categories.value });
  }

  /** The ids of terms by name, each found by a search or created; one name at a time. */
  private async termIds(
    taxonomy: Taxonomy,
    names: readonly string[],
  ): Promise<Result<number[], BlogFailure>> {
    const ids: number[] = [];
    for (const name of new Set(names)) {
      const found = await this.findTerm(taxonomy, name);
      if (found !== undefined) {
        ids.push(found);
        continue;
      }
      const created = await this.createTerm(taxonomy, name);
      if (!created.ok) return err(this.notFoundIsRejected(created.error));
      ids.push(created.value);
    }
    return ok(ids);
  }

  /** A term's id by its exact name, or `undefined` (not found, or the search failed). */
  private async findTerm(taxonomy: Taxonomy, name: string): Promise<number | undefined> {
    const query = new URLSearchParams({ search: name, per_page: '100', _fields: 'id,name' });
    const r = await this.http.send({
      method: 'GET',
      url: `${this.blog}/${taxonomy}?${query.toString()}`,
      headers: { authorization: this.authorization, accept: 'application/json' },
    });
    if (!r.ok || r.value.status !== 200) return undefined;
    const list = z.array(TermAnswer).safeParse(parseJson(r.value.body));
    // The search also matches inside names and slugs; the site stores `&` as `&amp;`.
    return list.success
      ? list.data.find((t) => t.name === name || decodeEntities(t.name) === name)?.id
      : undefined;
  }

  /** Creates a term; a term that exists already (a search that missed it) gives its id. */
  private async createTerm(taxonomy: Taxonomy, name: string): Promise<Result<number, BlogFailure>> {
    const what = `create the ${taxonomy === 'tags' ? 'tag' : 'category'} "${name}"`;
    const r = await this.sendJson('POST', `${this.blog}/${taxonomy}`, { name });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, what, this.secrets));
    const existing = wordpressError(r.value.body);
    if (existing?.code === 'term_exists' && typeof existing.data?.term_id === 'number')
      return ok(existing.data.term_id);
    if (r.value.status !== 201 && r.value.status !== 200)
      return err(failureOfAnswer(BLOG, r.value, what, this.secrets));
    const term = TermAnswer.safeParse(parseJson(r.value.body));
    if (!term.success)
      return err(failure('protocol', `${BLOG} answered "${what}" with no term id`, this.secrets));
    return ok(term.data.id);
  }

  private sendJson(method: HttpRequest['method'], url: string, body: unknown) {
    return this.http.send({
      method,
      url,
      headers: {
        authorization: this.authorization,
        accept: 'application/json',
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify(body),
    });
  }

  private remotePost(answer: HttpAnswer): Result<RemotePost, BlogFailure> {
    const post = PostAnswer.safeParse(parseJson(answer.body));
    if (!post.success)
      return err(
        failure(
          'protocol',
          `${BLOG} answered HTTP ${answer.status} without a post object (id, status)`,
          this.secrets,
        ),
      );
    const { id, link, status } = post.data;
    return ok({
      remoteId: String(id),
      editUrl: `${this.blog}/posts/${id}`,
      url: link ?? null,
      // pending, future and private are not public either
      status: status === 'publish' ? 'publish' : 'draft',
    });
  }

  /** A 404 from the posts or terms collection means no REST API there, not a deleted post. */
  private notFoundIsRejected(f: BlogFailure): BlogFailure {
    return f.kind === 'not-found'
      ? { ...f, kind: 'rejected', message: `${f.message}; is ${this.blog} the site's REST API?` }
      : f;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The entities WordPress writes into term names: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#039;`, numeric. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#0*39|#x[0-9a-f]+|#\d+);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
