import { formatDiagnostic } from '../../model/index.js';
import type { Archive } from '../../archive/index.js';
import type { FiledInput } from '../../pipeline/index.js';
import { ApiError } from '../errors.js';
import { cardViews } from './card-view.js';

/**
 * What filing a paste or embed gave, as the API answers it: the entries' cards, and what the
 * curator should know (diagnostics; entries the archive already held). Nothing filed and
 * nothing found is a 400 naming the input.
 *
 * @example
 * return c.json(createdView(archive, fileInput(archive, input, options), 'paste'), 200);
 */
export function createdView(archive: Archive, filed: FiledInput, field: string) {
  const warnings = filed.diagnostics.map((d) => formatDiagnostic(d));
  if (filed.report && filed.report.duplicates + filed.report.unchanged > 0)
    warnings.push(
      `${filed.report.duplicates + filed.report.unchanged} of them already in the archive`,
    );
  if (filed.entries.length === 0)
    throw new ApiError(
      'bad_request',
      `nothing to file in it${warnings.length > 0 ? `: ${warnings.join('; ')}` : ''}`,
      field,
    );
  return { created: cardViews(archive, filed.entries), warnings };
}
