// Vite builds the web app (Sozialatlas) from src/web into dist/web; the server serves it at `/`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // MapLibre is loaded lazily in its own chunk and is large by nature; warn only above it.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // '/api/' with the slash: a bare '/api' prefix would also catch the module /api.ts
    proxy: { '/api/': 'http://localhost:3000' },
  },
});
