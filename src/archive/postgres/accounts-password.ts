import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt's cost: N = 2^15, r = 8, p = 1 (OWASP's minimum is 2^17 with p = 1 at 16 MiB; this
 * is 32 MiB, about 60 ms a login on this machine). Stored with each hash, so raising it later
 * still verifies the old ones.
 */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * A password as it is stored: `scrypt$N$r$p$salt$key`, salt random per call, base64url.
 *
 * @example
 * await hashPassword('correct horse'); // 'scrypt$32768$8$1$Qm…$Zx…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/**
 * Whether `password` is the one `stored` was made from, compared in constant time. A stored
 * value that is not a scrypt hash matches nothing.
 *
 * @example
 * await verifyPassword('correct horse', await hashPassword('correct horse')); // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [kind, n, r, p, salt, key] = parts;
  if (parts.length !== 6 || kind !== 'scrypt' || salt === undefined || key === undefined)
    return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isSafeInteger(x) && x > 0)) return false;
  const expected = Buffer.from(key, 'base64url');
  if (expected.length === 0) return false;
  const given = await derive(password, Buffer.from(salt, 'base64url'), cost, expected.length);
  return timingSafeEqual(given, expected);
}

/**
 * A hash of no one's password, verified against when a login names no user, so an unknown name
 * costs the same time as a wrong password and the answer's timing does not tell them apart.
 */
export const DECOY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function derive(
  password: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
  bytes = KEY_BYTES,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is just short of that at 2^15.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, bytes, options, (e, key) =>
      e ? reject(e) : resolve(key),
    );
  });
}
