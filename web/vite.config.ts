import { defineConfig, type ProxyOptions } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = (process.env.KIRINUKI_API ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

type ProxyServer = Parameters<NonNullable<ProxyOptions['configure']>>[0];

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
  // `npm run dev:web`: the UI from source, the API from a running `kirinuki serve`
  // ($KIRINUKI_API, default http://127.0.0.1:8080). The server refuses state-changing requests
  // from another origin, so the proxy presents them as the server's own.
  server: {
    proxy: Object.fromEntries(
      ['/api', '/openapi.json', '/login'].map((path) => [
        path,
        {
          target: apiTarget,
          changeOrigin: true,
          configure: (proxy: ProxyServer) => {
            proxy.on('proxyReq', (request) => {
              if (request.getHeader('origin')) request.setHeader('origin', apiTarget);
            });
          },
        },
      ]),
    ),
  },
});
