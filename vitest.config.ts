import { defineConfig } from 'vitest/config';

// Two projects: Node for the server, main process and pure logic; jsdom for React screens.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['signaling-server/**/*.test.ts', 'src/main/**/*.test.ts', 'src/preload/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/renderer/src/call/**/*.test.ts', 'src/renderer/src/store/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/src/features/**/*.test.tsx'],
        },
      },
    ],
  },
});
