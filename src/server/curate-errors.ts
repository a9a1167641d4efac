import type { CurateError } from '../pipeline/index.js';
import { ApiError } from './errors.js';

/**
 * A curator's verb refused by the pipeline, as the API answers it: no such entry 404, bad
 * input 400 naming the field, nothing to propose (or a tag store that cannot be read) or an
 * entry changed by someone else since the edit began 409.
 *
 * @example
 * if (!r.ok) throw curateError(r.error);
 */
export function curateError(error: CurateError): ApiError {
  const message = error.message.replace(/^pipeline: /, '');
  if (error.reason === 'not-found') return new ApiError('not_found', message, error.field);
  if (error.reason === 'invalid') return new ApiError('bad_request', message, error.field);
  return new ApiError('conflict', message, error.field);
}
