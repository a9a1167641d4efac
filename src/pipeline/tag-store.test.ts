import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagStorePaths } from './tag-store.js';

describe('tagStorePaths', () => {
  it('keeps the taxonomy beside a SQLite archive and the model and style beside its file', () => {
    const paths = tagStorePaths('/data/archive.db', undefined, '/home/me/.local/share/kirinuki');
    expect(paths.database).toBeUndefined();
    expect(paths).toEqual({
      taxonomy: '/data/taxonomy.json',
      model: '/data/archive.db.tag-model.json',
      style: '/data/archive.db.style.json',
    });
  });

  it('names a PostgreSQL archive’s database as its store, and its old files’ folder in the data directory by server and database, never by its password', () => {
    const data = '/home/me/.local/share/kirinuki';
    const paths = tagStorePaths('postgres://kiri:s3cret@db.example:6543/news', undefined, data);
    const folder = join(data, 'postgres', 'db.example_6543_news');
    // The documents themselves are in the database (not opened here: no server is needed to
    // name the folder); the paths are where this machine kept them before.
    const { database, ...files } = paths;
    expect(database).toBeDefined();
    expect(database?.where('model')).toBe(
      "postgres://kiri:***@db.example:6543/news (document 'tag-model' of kirinuki_documents)",
    );
    expect(files).toEqual({
      taxonomy: join(folder, 'taxonomy.json'),
      model: join(folder, 'archive.tag-model.json'),
      style: join(folder, 'archive.style.json'),
    });
    expect(JSON.stringify(paths)).not.toMatch(/s3cret|kiri:/);
    // A socket folder as libpq's host parameter, and a database that is not a plain name.
    const socket = tagStorePaths(
      'postgres://kirinuki@/チーム 1?host=/tmp/pg-x&port=5433',
      undefined,
      data,
    );
    expect(socket.model).toBe(
      join(data, 'postgres', 'pg-x_5433_チーム_1', 'archive.tag-model.json'),
    );
    // The taxonomy a curator names is used as given.
    expect(tagStorePaths('postgres://h/db', '/etc/kirinuki/taxonomy.json', data).taxonomy).toBe(
      '/etc/kirinuki/taxonomy.json',
    );
  });
});
