import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * read-excel-file's fflate import goes to src/lib/import/unzip.ts, which inflates in the
 * calling thread: fflate's own workers start from blob: URLs, which the CSP refuses.
 */
const syncUnzip = (): Plugin => ({
  name: 'loom-sync-unzip',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'fflate' && importer?.includes('/node_modules/read-excel-file/'))
      return fileURLToPath(new URL('./src/lib/import/unzip.ts', import.meta.url));
  },
});

export default defineConfig({
  // A relative base lets the built site run from any subpath of any static host.
  base: './',
  plugins: [
    svelte(),
    syncUnzip(),
    // Offline after one visit: a Workbox service worker precaches the app, its workers and the
    // sample data. The registration is a file (registerSW.js), so the CSP needs no inline script.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg', 'data/*.csv', 'data/*.json'],
      manifest: {
        name: 'Loom',
        short_name: 'Loom',
        description: 'Defect rates and the spread of shop-floor experience, in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfaf7',
        theme_color: '#1f3a5f',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,csv,json,woff2}'],
        // Bundles can be large data files: cache them when first fetched, not ahead of time.
        globIgnores: ['data/bundles/**'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled as soon as the worker is active, so it works offline at once.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es', plugins: () => [syncUnzip()] },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Through Vite, so that its fflate import takes the synchronous unzip as in the app.
    server: { deps: { inline: ['read-excel-file'] } },
  },
});
