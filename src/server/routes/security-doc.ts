/** The OpenAPI security requirement of every request that is not GET. */
export const SESSION_SECURITY = [{ sessionToken: [] }];
