import { describe, expect, it } from 'vitest';
import { forEachRid } from './dense-terms.js';

describe('reading a list of rids as PostgreSQL aggregates it', () => {
  it('gives each rid of the comma-separated list, in order', () => {
    const rids: number[] = [];
    forEachRid('3,41,590,9007199254740991', (rid) => rids.push(rid));
    expect(rids).toEqual([3, 41, 590, 9007199254740991]);
  });

  it('gives one rid for a list of one, and none for an empty list', () => {
    const one: number[] = [];
    forEachRid('12', (rid) => one.push(rid));
    expect(one).toEqual([12]);
    const none: number[] = [];
    forEachRid('', (rid) => none.push(rid));
    expect(none).toEqual([]);
  });
});
