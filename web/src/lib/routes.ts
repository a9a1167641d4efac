/** A page of the workbench, as its URL under /app names it. */
export type Route =
  | { page: 'inbox'; day: string | null }
  | { page: 'compose' }
  | { page: 'digest'; day: string | null }
  | { page: 'search'; q: string }
  | { page: 'people' }
  | { page: 'person'; name: string }
  | { page: 'tags' }
  | { page: 'tag'; tag: string }
  | { page: 'story'; id: string }
  | { page: 'entry'; id: string }
  | { page: 'notFound'; path: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const decode = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

const dayOrNull = (value: string | null | undefined): string | null =>
  value && DAY.test(value) ? value : null;

/**
 * The route of a location: `/` and `/app` are the inbox; a name in the path is URI-decoded.
 *
 * @example
 *   routeOf('/app/people/%E3%83%97%E3%83%BC%E3%83%81%E3%83%B3', ''); // { page: 'person', name: 'プーチン' }
 *   routeOf('/app/search', '?q=停戦'); // { page: 'search', q: '停戦' }
 */
export function routeOf(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'inbox', day: dayOrNull(params.get('day')) };
  if (parts[0] !== 'app') return { page: 'notFound', path: pathname };
  const [, page, raw, ...extra] = parts;
  const name = raw === undefined ? null : decode(raw);
  if (extra.length > 0 || (raw !== undefined && name === null))
    return { page: 'notFound', path: pathname };
  switch (page) {
    case undefined:
    case 'inbox':
      return name === null
        ? { page: 'inbox', day: dayOrNull(params.get('day')) }
        : { page: 'notFound', path: pathname };
    case 'compose':
      return name === null ? { page: 'compose' } : { page: 'notFound', path: pathname };
    case 'digest':
      if (name === null) return { page: 'digest', day: null };
      return DAY.test(name) ? { page: 'digest', day: name } : { page: 'notFound', path: pathname };
    case 'search':
      return name === null
        ? { page: 'search', q: params.get('q') ?? '' }
        : { page: 'notFound', path: pathname };
    case 'people':
      return name === null ? { page: 'people' } : { page: 'person', name };
    case 'tags':
      return name === null ? { page: 'tags' } : { page: 'tag', tag: name };
    case 'stories':
      return name === null ? { page: 'notFound', path: pathname } : { page: 'story', id: name };
    case 'entries':
      return name === null ? { page: 'notFound', path: pathname } : { page: 'entry', id: name };
    default:
      return { page: 'notFound', path: pathname };
  }
}

/**
 * The URL of a route (the inverse of routeOf).
 *
 * @example
 *   hrefOf({ page: 'tag', tag: '露朝' }); // '/app/tags/%E9%9C%B2%E6%9C%9D'
 */
export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'inbox':
      return route.day ? `/app/inbox?day=${route.day}` : '/app/inbox';
    case 'compose':
      return '/app/compose';
    case 'digest':
      return route.day ? `/app/digest/${route.day}` : '/app/digest';
    case 'search':
      return route.q ? `/app/search?q=${e(route.q)}` : '/app/search';
    case 'people':
      return '/app/people';
    case 'person':
      return `/app/people/${e(route.name)}`;
    case 'tags':
      return '/app/tags';
    case 'tag':
      return `/app/tags/${e(route.tag)}`;
    case 'story':
      return `/app/stories/${e(route.id)}`;
    case 'entry':
      return `/app/entries/${e(route.id)}`;
    case 'notFound':
      return route.path;
  }
}
