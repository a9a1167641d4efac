import { err, ok, type Result } from '../model/index.js';
import { atomEntryXml, readAtomEntry } from './atom-entry.js';
import { basicToken, secretsOf, type HatenaCredentials } from './credentials.js';
import { failure, failureOfAnswer, failureOfTrouble } from './failures.js';
import { BlogHttp, sameOrigin, type HttpAnswer } from './http.js';
import type {
  BlogClient,
  BlogFailure,
  BlogHttpOptions,
  BlogPostInput,
  PostStatus,
  RemotePost,
} from './types.js';

const BLOG = 'Hatena Blog';
const ENTRY_TYPE = 'application/atom+xml; type=entry; charset=utf-8';

/**
 * A client of the Hatena Blog AtomPub API (https://developer.hatena.ne.jp/ja/documents/blog/apis/atom):
 * a new entry is POSTed to the collection URI (`{endpoint}/entry`, answered 201 with its member
 * URI in `Location`), an existing one PUT to its member URI. Basic authentication with the
 * Hatena ID and the blog's API key, over https only. The content is sent as `text/plain`:
 * Hatena reads it in the notation the blog is set to (its `syntax`).
 *
 * @example
 * const client = createHatenaClient(credentials);
 * const r = await client.create({ title: '2024年1月18日の切り抜き', content, tags: ['NATO'], categories: [], status: 'draft' });
 * await client.close();
 */
export function createHatenaClient(
  credentials: HatenaCredentials,
  options: BlogHttpOptions = {},
): BlogClient {
  return new HatenaClient(credentials, options);
}

class HatenaClient implements BlogClient {
  readonly target = 'hatena' as const;
  readonly blog: string;
  private readonly http: BlogHttp;
  private readonly secrets: string[];

  constructor(
    private readonly credentials: HatenaCredentials,
    options: BlogHttpOptions,
  ) {
    this.blog = `${credentials.endpoint}/entry`;
    this.http = new BlogHttp(options);
    this.secrets = secretsOf(credentials);
  }

  async create(post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>> {
    const status = post.status ?? 'draft';
    const r = await this.http.send({
      method: 'POST',
      url: this.blog,
      headers: this.headers(true),
      body: this.entryXml(post, status),
    });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, 'post the entry', this.secrets));
    if (r.value.status !== 201 && r.value.status !== 200)
      return err(this.answerFailure(r.value, 'post the entry'));
    return this.remotePost(r.value, this.blog, status);
  }

  async update(editUrl: string, post: BlogPostInput): Promise<Result<RemotePost, BlogFailure>> {
    if (!sameOrigin(editUrl, this.blog) || !editUrl.startsWith(`${this.blog}/`))
      return err(
        failure('config', `${editUrl} is not an entry of the blog at ${this.blog}`, this.secrets),
      );
    let status = post.status;
    if (status === undefined) {
      // AtomPub reads an entry without app:draft as public: to keep the entry as it is on the
      // blog now (a draft the curator published in the editor stays public), ask first.
      const current = await this.currentStatus(editUrl);
      if (!current.ok) return current;
      status = current.value;
    }
    const r = await this.http.send({
      method: 'PUT',
      url: editUrl,
      headers: this.headers(true),
      body: this.entryXml(post, status),
    });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, 'update the entry', this.secrets));
    if (r.value.status !== 200) return err(this.answerFailure(r.value, 'update the entry'));
    return this.remotePost(r.value, editUrl, status, editUrl);
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async currentStatus(editUrl: string): Promise<Result<PostStatus, BlogFailure>> {
    const r = await this.http.send({ method: 'GET', url: editUrl, headers: this.headers(false) });
    if (!r.ok) return err(failureOfTrouble(BLOG, r.error, 'read the entry', this.secrets));
    if (r.value.status !== 200) return err(this.answerFailure(r.value, 'read the entry'));
    const entry = readAtomEntry(r.value.body);
    if (entry === null)
      return err(
        failure('protocol', `${BLOG} sent ${editUrl} as something other than an Atom entry`, []),
      );
    return ok(entry.draft === true ? 'draft' : 'publish');
  }

  private headers(withBody: boolean): Record<string, string> {
    const { hatenaId, apiKey } = this.credentials;
    return {
      authorization: `Basic ${basicToken(hatenaId, apiKey)}`,
      accept: 'application/atom+xml',
      ...(withBody ? { 'content-type': ENTRY_TYPE } : {}),
    };
  }

  private entryXml(post: BlogPostInput, status: PostStatus): string {
    return atomEntryXml({
      title: post.title,
      content: post.content,
      contentType: 'text/plain',
      authorName: this.credentials.hatenaId,
      categories: [...new Set([...post.tags, ...post.categories])],
      draft: status === 'draft',
    });
  }

  /**
   * The entry as the blog answered it: its member URI from `Location` (201) or its `edit`
   * link, its page from the `alternate` link, whether it is a draft from `app:draft`.
   */
  private remotePost(
    answer: HttpAnswer,
    requestUrl: string,
    sent: PostStatus,
    knownEditUrl?: string,
  ): Result<RemotePost, BlogFailure> {
    const entry = readAtomEntry(answer.body);
    const link = (rel: string): string | undefined => entry?.links.find((l) => l.rel === rel)?.href;
    const where = knownEditUrl ?? answer.headers.location ?? link('edit');
    if (where === undefined)
      return err(
        failure(
          'protocol',
          `${BLOG} answered HTTP ${answer.status} without the entry's address (no Location header, no edit link)`,
          this.secrets,
        ),
      );
    const editUrl = new URL(where, requestUrl).href;
    const remoteId = decodeURIComponent(new URL(editUrl).pathname.split('/').pop() ?? '');
    if (remoteId === '')
      return err(
        failure('protocol', `${BLOG} gave an entry address without an id: ${editUrl}`, []),
      );
    const draft = entry?.draft ?? null;
    return ok({
      remoteId,
      editUrl,
      url: link('alternate') ?? null,
      status: draft === null ? sent : draft ? 'draft' : 'publish',
    });
  }

  private answerFailure(answer: HttpAnswer, action: string): BlogFailure {
    return failureOfAnswer(BLOG, answer, action, this.secrets);
  }
}
