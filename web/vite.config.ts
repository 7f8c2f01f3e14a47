// Builds the workbench into web/dist, which the API server serves at /. The server's
// Content-Security-Policy forbids inline scripts and eval, so nothing here may need them.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The world map and sigma make one large chunk; that is fine for a local tool.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    // The plugin-timing notice depends on how busy the machine is, not on the code.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
