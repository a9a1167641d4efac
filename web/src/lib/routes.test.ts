import { describe, expect, it } from 'vitest';
import { hrefOf, routeOf, type Route } from './routes.js';

describe('routeOf', () => {
  it('reads every page of the app', () => {
    expect(routeOf('/', '')).toEqual({ page: 'inbox', day: null });
    expect(routeOf('/app', '')).toEqual({ page: 'inbox', day: null });
    expect(routeOf('/app/inbox', '?day=2024-03-04')).toEqual({ page: 'inbox', day: '2024-03-04' });
    expect(routeOf('/app/inbox', '?day=yesterday')).toEqual({ page: 'inbox', day: null });
    expect(routeOf('/app/compose', '')).toEqual({ page: 'compose' });
    expect(routeOf('/app/digest/', '')).toEqual({ page: 'digest', day: null });
    expect(routeOf('/app/digest/2024-03-05', '')).toEqual({ page: 'digest', day: '2024-03-05' });
    expect(routeOf('/app/search', '?q=%E5%81%9C%E6%88%A6+tag%3A%E9%9C%B2%E6%9C%9D')).toEqual({
      page: 'search',
      q: '停戦 tag:露朝',
    });
    expect(routeOf('/app/people/%E3%83%97%E3%83%BC%E3%83%81%E3%83%B3', '')).toEqual({
      page: 'person',
      name: 'プーチン',
    });
    expect(routeOf('/app/tags', '')).toEqual({ page: 'tags' });
    expect(routeOf('/app/stories/abc123', '')).toEqual({ page: 'story', id: 'abc123' });
    expect(routeOf('/app/entries/abc123', '')).toEqual({ page: 'entry', id: 'abc123' });
  });

  it('says what it does not know', () => {
    for (const path of [
      '/elsewhere',
      '/app/nope',
      '/app/digest/tomorrow',
      '/app/people/a/b',
      '/app/tags/%E0%A4%A',
      '/app/stories',
    ]) {
      expect(routeOf(path, '').page).toBe('notFound');
    }
  });

  it('reads back every URL it writes (names with slashes, spaces, percent signs and ? too)', () => {
    const routes: Route[] = [
      { page: 'inbox', day: null },
      { page: 'inbox', day: '2024-03-04' },
      { page: 'compose' },
      { page: 'digest', day: '2024-03-06' },
      { page: 'search', q: '"凍結資産 没収" -ハマス from:@nhk_news' },
      { page: 'search', q: '' },
      { page: 'people' },
      { page: 'person', name: 'ミック・ウォレス/EU 100%?' },
      { page: 'tags' },
      { page: 'tag', tag: '露朝#1' },
      { page: 'story', id: 'a/b' },
      { page: 'entry', id: '0123456789ab' },
    ];
    for (const route of routes) {
      const url = new URL(hrefOf(route), 'http://127.0.0.1');
      expect(routeOf(url.pathname, url.search)).toEqual(route);
    }
  });
});
