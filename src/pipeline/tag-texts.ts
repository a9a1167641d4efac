import type { Taxonomy } from '../tagging/index.js';

/**
 * What the curator wrote about each tag of a taxonomy — its name, description and keywords, as
 * one text — for the summary-line writer, which learns from them which of an entry's quotes
 * speak to which tag before it has seen lines under that tag.
 *
 * @example
 * tagTexts({ tags: [{ name: '露斯', description: 'ロシアとイラン', keywords: ['イラン製'] }] });
 * // { 露斯: '露斯 ロシアとイラン イラン製' }
 */
export function tagTexts(taxonomy: Taxonomy): Record<string, string> {
  return Object.fromEntries(
    taxonomy.tags.map((t) => [
      t.name,
      [t.name, t.description ?? '', ...(t.keywords ?? [])].filter((s) => s !== '').join(' '),
    ]),
  );
}
