import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a running `actorgraph serve` (AG_API, default :8080).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.AG_API || 'http://127.0.0.1:8080' },
  },
});
