import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { DEV_CSP_NONCE_ENV } from './src/shared/contentSecurityPolicy';
import { createDevCspNonce } from './vite/devContentSecurityPolicy';
import { rendererConfig } from './vite/rendererConfig';

export default defineConfig(({ command }) => {
  // `electron-vite dev` only: one nonce for this run. Electron is spawned from this process and
  // inherits its environment, so main's CSP header names the same nonce as the page's meta tag.
  // A build (and `electron-vite preview`) gets no nonce, and no stray one from the shell either.
  const devCspNonce = command === 'serve' ? createDevCspNonce() : undefined;
  if (devCspNonce === undefined) delete process.env[DEV_CSP_NONCE_ENV];
  else process.env[DEV_CSP_NONCE_ENV] = devCspNonce;

  return {
    main: {
      build: {
        rollupOptions: { input: { index: resolve('src/main/index.ts') } },
      },
    },
    preload: {
      build: {
        // A sandboxed preload cannot load other files or ES modules: one self-contained CommonJS file.
        rollupOptions: {
          input: { index: resolve('src/preload/index.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: rendererConfig({ devCspNonce }),
  };
});
