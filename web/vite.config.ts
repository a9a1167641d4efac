import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The workbench UI, built into dist/web and served by `kirinuki serve` at / and /app/*.
 * Everything is emitted as files under /assets: the server's CSP (`script-src 'self';
 * style-src 'self'`) forbids inline scripts and styles, so nothing may be inlined.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [preact({ devtoolsInProd: false, prerender: { enabled: false } })],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Vite inlines small assets as data: URLs by default; CSS and scripts must stay files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' },
  },
});
