import { redactSecrets } from './credentials.js';
import type { HttpAnswer, HttpTrouble } from './http.js';
import { serverMessage } from './server-message.js';
import type { BlogFailure } from './types.js';

/**
 * What an error answer means, with the server's own words: 401 a refusal of the credentials,
 * 404 a missing post, 5xx and 429 a blog still unavailable after the retries, any other 4xx a
 * refusal of the request. `action` completes "could not …".
 *
 * @example
 * failureOfAnswer('WordPress', answer, 'create the post', secrets).message;
 * // 'blog: WordPress refused the credentials (HTTP 401 incorrect_password: The provided password is an invalid application password.)'
 */
export function failureOfAnswer(
  blog: string,
  answer: HttpAnswer,
  action: string,
  secrets: readonly string[],
): BlogFailure {
  const said = serverMessage(answer);
  const http = `HTTP ${answer.status}${said === '' ? '' : ` ${said}`}`;
  const status = answer.status;
  if (status === 401)
    return failure('auth', `${blog} refused the credentials (${http})`, secrets, status);
  if (status >= 500 || status === 429)
    return failure(
      'unavailable',
      `${blog} could not ${action}: ${http}, still after ${tries(answer.tries)}`,
      secrets,
      status,
    );
  if (status === 404)
    return failure(
      'not-found',
      `${blog} could not ${action}: not found (${http})`,
      secrets,
      status,
    );
  return failure('rejected', `${blog} could not ${action}: ${http}`, secrets, status);
}

/**
 * No answer from the blog, still after the retries.
 *
 * @example
 * failureOfTrouble('Hatena Blog', { message: 'cannot reach …: connect ECONNREFUSED', tries: 4 }, 'post the entry', []);
 */
export function failureOfTrouble(
  blog: string,
  trouble: HttpTrouble,
  action: string,
  secrets: readonly string[],
): BlogFailure {
  return failure(
    'unavailable',
    `${blog} could not ${action}: ${trouble.message} (${tries(trouble.tries)})`,
    secrets,
  );
}

/**
 * A failure whose message starts with `blog: ` and carries no secret.
 *
 * @example
 * failure('protocol', 'Hatena Blog answered 201 without the entry’s address', []);
 */
export function failure(
  kind: BlogFailure['kind'],
  message: string,
  secrets: readonly string[],
  status?: number,
): BlogFailure {
  const clean = redactSecrets(`blog: ${message}`, secrets);
  return status === undefined ? { kind, message: clean } : { kind, message: clean, status };
}

function tries(n: number): string {
  return n === 1 ? '1 try' : `${n} tries`;
}
