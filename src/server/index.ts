/**
 * The workbench server (`kirinuki serve`): the JSON API over the archive and pipeline the CLI
 * uses, its OpenAPI document, and the built UI. Layer 4, beside `cli`.
 */
export { createServerApp, type ServerApp } from './app.js';
export type { ServerAppOptions, ServerDeps } from './context.js';
export { ApiError, type ApiErrorBody, type ApiErrorCode } from './errors.js';
export { openApiDocument, type OpenApiDocument } from './openapi.js';
export {
  ACCESS_COOKIE,
  CONTENT_SECURITY_POLICY,
  isLoopbackHost,
  SESSION_TOKEN_HEADER,
} from './security.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
export { apiDocument, apiDocumentText } from './api-document.js';
