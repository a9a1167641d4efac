/**
 * The workbench API's shapes, as written in the API contract (issue 12). The UI keeps its own
 * copy rather than importing src/server: it talks to the server only over HTTP.
 */

/** One entry as every view shows it. */
export interface EntryCard {
  id: string;
  day: string;
  seq: number;
  /** The story's id: its first entry's id. */
  story: string;
  headline: string;
  authorName: string | null;
  handle: string | null;
  /** The post's status URL when known, else the post's own first link. */
  postUrl: string | null;
  /** The captured page's URL. */
  articleUrl: string | null;
  date: string | null;
  tags: string[];
  summaryLines: string[];
  source: string;
  /** How many entries its story holds (1: a story of its own). */
  storyEntries: number;
}

export interface TagSuggestion {
  tag: string;
  score: number;
  reasons: string[];
}

/** Proposed tags and summary line for an entry, with the reasons behind them. */
export interface Suggestion {
  tags: TagSuggestion[];
  line: string | null;
  lineReasons: string[];
}

/** Who is logged in on a server with accounts (PostgreSQL). */
export interface AccountUser {
  name: string;
  /** A curator edits; a viewer only reads. */
  role: 'curator' | 'viewer';
}

export interface Session {
  token: string;
  version: string;
  /** True: the server has accounts and the API needs a login (absent on older servers). */
  accounts?: boolean;
  user?: AccountUser | null;
}

/** POST /api/login. */
export interface LoggedIn {
  user: AccountUser;
  expiresAt: string;
}

/** An entry's summary lines and tags at one side of a change. */
export interface AuditState {
  summaryLines: string[];
  tags: string[];
  /** Its place in the day's digest order, for a reorder. */
  position?: number;
}

/** One change of an entry: who, when, what. */
export interface AuditRecord {
  at: string;
  user: string;
  action: 'edit' | 'accept' | 'drop' | 'reorder';
  entryId: string;
  before: AuditState | null;
  after: AuditState | null;
}

/** GET /api/entries/{id}/history. */
export interface HistoryResponse {
  /** False: the server keeps no audit log (no accounts). */
  audited: boolean;
  records: AuditRecord[];
}

export interface DayCount {
  day: string;
  entries: number;
}

export interface DaysResponse {
  days: DayCount[];
}

export interface EntriesResponse {
  entries: EntryCard[];
  total: number;
}

export interface EntryDetail {
  card: EntryCard;
  /** The entry as clip-document text. */
  text: string;
  story: EntryCard[];
}

export interface CreatedResponse {
  created: EntryCard[];
  warnings: string[];
}

export interface CardResponse {
  card: EntryCard;
}

export interface AcceptResponse {
  card: EntryCard;
  suggestionAfter: Suggestion | null;
}

/** `[start, end)` in UTF-16 code units of the snippet text. */
export type Range = readonly [number, number];

export interface Snippet {
  text: string;
  highlights: Range[];
}

export interface SearchHit {
  card: EntryCard;
  snippet: Snippet;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchFacets {
  tags: FacetValue[];
  speakers: FacetValue[];
  sources: FacetValue[];
  days: FacetValue[];
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  /** false: `total` is an estimate (more than 1,000 matches). */
  totalExact?: boolean;
  facets: SearchFacets;
}

export const DIGEST_FORMATS = [
  'text',
  'markdown',
  'hatena',
  'hatena-markdown',
  'html',
  'json',
] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** A summary line the quote check flags: a quote the text lacks, or a speaker it never names. */
export interface QuoteFlag {
  entryId: string;
  tag: string;
  speaker: string | null;
  /** null for a speaker flag. */
  quote: string | null;
  kind: 'quote' | 'speaker';
  /** In English, for other tools: the workbench says it in Japanese from the fields. */
  reason: string;
  /** The quote's pieces the text lacks (empty for a speaker flag). */
  missing: string[];
  /** The passage of the text nearest the quote, if any. */
  nearest: { text: string; similarity: number } | null;
}

export interface DigestResponse {
  format: DigestFormat;
  text: string;
  flags: QuoteFlag[];
}

export interface OrderResponse {
  entries: EntryCard[];
}

export type PublishTarget = 'hatena' | 'wordpress';

/** What publishing a day did on the blog. */
export interface PublishOutcome {
  action: 'created' | 'updated' | 'recreated';
  post: {
    day: string;
    target: string;
    blog: string;
    remoteId: string;
    editUrl: string;
    url: string | null;
    status: 'draft' | 'publish';
    firstPostedAt: string;
    lastPostedAt: string;
  };
  notices: string[];
}

export interface PersonSummary {
  name: string;
  quotes: number;
  entries: number;
}

export interface PeopleResponse {
  people: PersonSummary[];
}

export interface PerDay {
  day: string;
  count: number;
}

export interface PersonQuote {
  day: string;
  entryId: string;
  quote: string;
  tag: string;
  /** The speaker as the line writes them. */
  speaker?: string;
}

export interface PersonResponse {
  name: string;
  quotes: PersonQuote[];
  perDay: PerDay[];
}

export interface TagSummary {
  tag: string;
  entries: number;
  description: string | null;
}

export interface TagsResponse {
  tags: TagSummary[];
}

export interface TagResponse {
  tag: string;
  perDay: PerDay[];
  latest: EntryCard[];
}

export interface StoryResponse {
  story: string;
  entries: EntryCard[];
}

export interface QuoteAnnotation {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  kind: 'speech' | 'fragment' | 'indirect' | 'term';
}

export interface EntityAnnotation {
  start: number;
  end: number;
  kind: 'person' | 'organisation' | 'place' | 'country';
  canonical: string;
}

export interface AnnotateResponse {
  quotes: QuoteAnnotation[];
  entities: EntityAnnotation[];
  suggestion: Suggestion | null;
}

export type JobRequest = { kind: 'import'; path: string; day?: string } | { kind: 'reindex' };

export interface JobStarted {
  id: string;
}

export interface ApiErrorBody {
  error: {
    code:
      | 'bad_request'
      | 'unauthorized'
      | 'not_found'
      | 'forbidden'
      | 'conflict'
      | 'too_many_requests'
      | 'internal'
      | 'upstream';
    message: string;
    field?: string;
  };
}

/** One feed of the sources file `kirinuki watch` reads. */
export interface WatchSource {
  url: string;
  name?: string;
}

/** GET/POST/DELETE /api/capture/sources: the sources file, and the lines `watch` skips. */
export interface WatchSources {
  file: string;
  sources: WatchSource[];
  problems: { line: number | null; message: string }[];
}
