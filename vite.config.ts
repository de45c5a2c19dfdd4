/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { CSP_ENV, cspMetaPlugin, originsFromEnv } from './launch/csp.ts';

/** Files of the pure engine (src/engine/). */
const ENGINE_MODULE = /[\\/]src[\\/]engine[\\/]/;

/**
 * One config for the app build (multi-page: the app, the EHR launch page, the standalone launch
 * page) and for the tests (vitest projects: `unit` in Node/jsdom, `e2e` against the real sandbox
 * EHR in Debian's Chromium).
 */
export default defineConfig({
  // The built pages carry a strict meta CSP (launch/csp.ts; hosts add their EHR origins via env).
  plugins: [react(), cspMetaPlugin({ connectSrc: originsFromEnv(process.env[CSP_ENV.connectSrc]) })],
  base: './',
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: {
      // The engine is pure (src/engine/README.md): loading one of its modules only defines things,
      // so the bundler may drop any engine module none of whose exports is used. Without this, one
      // static import of a small helper through src/engine/index.ts put every module the index
      // re-exports — the rules and value-set catalog — in a chunk the app loads at start, although
      // evaluation runs in the Web Worker (test/e2e/build-chunks.test.ts).
      treeshake: { moduleSideEffects: (id: string) => !ENGINE_MODULE.test(id) },
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        launch: resolve(import.meta.dirname, 'launch/index.html'),
        standalone: resolve(import.meta.dirname, 'launch/standalone.html'),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
