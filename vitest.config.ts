import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { compiledCatalogs } from './vite/compiledCatalogs.ts';

// Main-process tests run against one stand-in for Electron that keeps Electron 45's contracts
// (src/main/testing/electron): `electron` resolves to it, for the code under test and for the built bundle.
const electronStandIn = fileURLToPath(new URL('./src/main/testing/electron/index.ts', import.meta.url));

// Two projects: Node for the server, main process and pure logic; jsdom for React screens.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { electron: electronStandIn } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['signaling-server/**/*.test.ts', 'src/main/**/*.test.ts', 'src/preload/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/renderer/src/*.test.ts', 'src/renderer/src/call/**/*.test.ts', 'src/renderer/src/store/**/*.test.ts', 'scripts/**/*.test.ts', 'vite/**/*.test.ts'],
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic' } },
        // The page's words modules (virtual:parley-words/…), as the build makes them.
        plugins: [compiledCatalogs()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/src/features/**/*.test.tsx', 'src/renderer/src/ui/**/*.test.tsx', 'src/renderer/src/i18n/**/*.test.tsx'],
          setupFiles: ['src/renderer/src/testing/domSetup.ts'],
        },
      },
    ],
  },
});
