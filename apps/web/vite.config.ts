import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: wall, dashboard, console and embeddable widgets share one build (separate routes).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The manifest lets tests and docs measure what each route downloads (tests/bundle-size.test.ts).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
