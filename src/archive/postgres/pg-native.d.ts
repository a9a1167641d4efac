/**
 * The part of pg-native (libpq bindings, no bundled types) the PostgreSQL archive uses: its
 * synchronous API. Values are sent as text (strings, numbers, or null for SQL NULL); rows come
 * back parsed by pg-types (int8 and numeric as strings, arrays as arrays).
 */
declare module 'pg-native' {
  type PgParam = string | number | null;

  class Client {
    constructor(config?: { arrayMode?: boolean });
    /** Connects with a libpq connection string or URL; throws on failure. */
    connectSync(connectionString?: string): void;
    /** Runs one statement (or several, without params); throws on an SQL error. */
    querySync(text: string, values?: readonly PgParam[]): Record<string, unknown>[];
    prepareSync(statementName: string, text: string, nParams: number): void;
    executeSync(statementName: string, values?: readonly PgParam[]): Record<string, unknown>[];
    escapeIdentifier(value: string): string;
    escapeLiteral(value: string): string;
    end(callback?: () => void): void;
  }

  export = Client;
}
