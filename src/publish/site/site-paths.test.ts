import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAnchor, hrefFrom, slugsOf } from './site-paths.js';

describe('hrefFrom', () => {
  it('links between pages of the site relatively, each segment percent-encoded', () => {
    expect(hrefFrom('index.html', 'days/2024-03-04.html')).toBe('days/2024-03-04.html');
    expect(hrefFrom('days/2024-03-04.html', 'days/2024-03-05.html')).toBe('2024-03-05.html');
    expect(hrefFrom('tags/露朝.html', 'index.html')).toBe('../index.html');
    expect(hrefFrom('tags/露朝/2024-03.html', 'tags/露朝.html')).toBe('../%E9%9C%B2%E6%9C%9D.html');
    expect(hrefFrom('people/a.html', 'days/2024-03-04.html', 'e-1')).toBe(
      '../days/2024-03-04.html#e-1',
    );
  });

  it('always resolves, from the page it is written on, to the page it names', () => {
    const segment = fc.constantFrom('days', 'tags', '露朝', 'a b', '2024-03', 'x%y', '#?');
    const path = fc
      .array(segment, { minLength: 0, maxLength: 3 })
      .chain((dirs) => segment.map((name) => [...dirs, `${name}.html`].join('/')));
    fc.assert(
      fc.property(path, path, (from, to) => {
        const page = `http://site.test/${from.split('/').map(encodeURIComponent).join('/')}`;
        const resolved = new URL(hrefFrom(from, to), page);
        expect(decodeURIComponent(resolved.pathname)).toBe(`/${to}`);
      }),
    );
  });
});

describe('slugsOf', () => {
  it('keeps a name that is a safe file name, and hashes one that is not', () => {
    const slugs = slugsOf(['露朝', 'ウクライナ戦況', 'a/b', '../x', 'NATO', '']);
    expect(slugs.get('露朝')).toBe('露朝');
    expect(slugs.get('ウクライナ戦況')).toBe('ウクライナ戦況');
    expect(slugs.get('NATO')).toBe('NATO');
    for (const unsafe of ['a/b', '../x', '']) expect(slugs.get(unsafe)).toMatch(/^x-[0-9a-f]{8}$/);
  });

  it('never gives two names one file, even on a case-insensitive file system, nor `index`', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('NATO', 'nato', 'Nato', 'index', 'INDEX', '露朝', 'a/b', 'x-1')),
        (names) => {
          const slugs = slugsOf(names);
          const files = [...slugs.values()].map((s) => s.toLowerCase());
          expect(new Set(files).size).toBe(files.length);
          expect(files).not.toContain('index');
          for (const s of slugs.values()) expect(s).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}_\-ー・]*$/u);
        },
      ),
    );
  });

  it('gives a name the same slug whatever else is named with it, but for a clash of case', () => {
    expect(slugsOf(['露朝', 'ロシア']).get('露朝')).toBe(slugsOf(['露朝']).get('露朝'));
  });
});

describe('entryAnchor', () => {
  it('is the entry id after `e-`, or a hash of an id that could not be an element id', () => {
    expect(entryAnchor('9f3c2a1b7d4e5f60')).toBe('e-9f3c2a1b7d4e5f60');
    expect(entryAnchor('a b"c')).toMatch(/^e-[0-9a-f]{8}$/);
  });
});
