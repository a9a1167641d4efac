import { describe, expect, it } from 'vitest';
import type { PublishedPost } from '../../src/archive/index.js';
import { KirinukiError } from '../../src/model/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

const post: PublishedPost = {
  day: '2024-01-18',
  target: 'hatena',
  blog: 'https://blog.hatena.ne.jp/kirinuki/kirinuki.hatenablog.com/atom/entry',
  remoteId: '6801883189077003001',
  editUrl:
    'https://blog.hatena.ne.jp/kirinuki/kirinuki.hatenablog.com/atom/entry/6801883189077003001',
  url: 'https://kirinuki.hatenablog.com/entry/2024/01/18/230000',
  status: 'draft',
  firstPostedAt: '2024-01-18T23:00:00.000Z',
  lastPostedAt: '2024-01-18T23:00:00.000Z',
};

export function publishedContract(f: ArchiveFixture): void {
  describe('published posts', () => {
    it('knows nothing of a day never published', () => {
      const a = f.open();
      expect(a.publishedPost('2024-01-18', 'hatena')).toBeNull();
    });

    it('gives back what was recorded, by day and target only', () => {
      const a = f.open();
      a.recordPublished(post);
      const wordpress = { ...post, target: 'wordpress', remoteId: '42', url: null };
      a.recordPublished(wordpress);
      expect(a.publishedPost('2024-01-18', 'hatena')).toEqual(post);
      expect(a.publishedPost('2024-01-18', 'wordpress')).toEqual(wordpress);
      expect(a.publishedPost('2024-01-19', 'hatena')).toBeNull();
      expect(a.publishedPost('2024-01-18', 'note')).toBeNull();
    });

    it('an update of the same post keeps when it was first posted', () => {
      const a = f.open();
      a.recordPublished(post);
      const later = {
        ...post,
        status: 'publish' as const,
        url: 'https://kirinuki.hatenablog.com/entry/2024-01-18',
        firstPostedAt: '2024-01-19T08:00:00.000Z',
        lastPostedAt: '2024-01-19T08:00:00.000Z',
      };
      a.recordPublished(later);
      expect(a.publishedPost(post.day, post.target)).toEqual({
        ...later,
        firstPostedAt: post.firstPostedAt,
      });
    });

    it('another post for the same day and target replaces the record entirely', () => {
      const a = f.open();
      a.recordPublished(post);
      const other = {
        ...post,
        remoteId: '6801883189077009999',
        editUrl: post.editUrl.replace(post.remoteId, '6801883189077009999'),
        firstPostedAt: '2024-01-20T00:00:00.000Z',
        lastPostedAt: '2024-01-20T00:00:00.000Z',
      };
      a.recordPublished(other);
      expect(a.publishedPost(post.day, post.target)).toEqual(other);
    });

    it('refuses a malformed record with an archive error and keeps the old one', () => {
      const a = f.open();
      a.recordPublished(post);
      expect(() => a.recordPublished({ ...post, day: '18 Jan 2024' })).toThrow(KirinukiError);
      expect(() => a.recordPublished({ ...post, remoteId: '' })).toThrow(/archive: /);
      expect(a.publishedPost(post.day, post.target)).toEqual(post);
    });

    it('lives beside the entries without touching them', () => {
      const a = f.open();
      a.importBatch({
        source: 'd.txt',
        day: post.day,
        entries: [makeEntry({ id: 'p1', text: '停戦協議' })],
        documentTagLines: ['#停戦'],
      });
      a.recordPublished(post);
      expect(a.entriesOfDay(post.day).map((s) => s.entry.id)).toEqual(['p1']);
      expect(a.stats().entries).toBe(1);
      expect(a.publishedPost(post.day, post.target)?.remoteId).toBe(post.remoteId);
    });
  });
}
