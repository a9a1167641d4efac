/** The archive as a static site: read the archive, plan the pages, write what changed. */
export {
  buildSite,
  DEFAULT_SITE_URL,
  type BuildSiteOptions,
  type SiteBuildReport,
} from './build-site.js';
export { serveSite, type SiteServer } from './serve-site.js';
export { SITE_MANIFEST } from './site-files.js';
