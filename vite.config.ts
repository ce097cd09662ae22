// Builds the browser client. The Express server serves dist/client at `/` (SPA fallback to index.html);
// in development `vite` serves client/ and forwards /api to a locally running server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('./client'),
  // Absolute asset URLs so deep links like /?entity=x (and any future /entity/x route) load the bundle.
  base: '/',
  build: {
    outDir: fromHere('./dist/client'),
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape alone is ~400 kB minified; it is one chunk the app cannot work without.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
