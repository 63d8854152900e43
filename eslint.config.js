// Lint, and the architecture's one-way arrows: features -> store -> call -> shared,
// main -> signaling-server -> shared, preload -> shared. A wrong import fails the lint.
import js from '@eslint/js';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'events', 'url', 'util', 'stream'];
const pattern = (group, message) => ({ group, message });

const noElectron = pattern(['electron', 'electron/*'], 'Only src/main and src/preload may import electron.');
const noNode = pattern(NODE_BUILTINS, 'Node built-ins do not exist in the renderer or in shared code.');
const noUi = pattern(['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], 'This layer must not depend on React or the store.');
const noRenderer = pattern(['**/renderer', '**/renderer/**'], 'The renderer is not a dependency of this layer.');
const noMain = pattern(['**/main/**', '**/preload/**'], 'Main and preload are separate processes: share code through src/shared.');
const noFeatures = pattern(['**/features', '**/features/**'], 'Features sit on top: lower layers must not import them.');
const noServer = pattern(['**/signaling-server', '**/signaling-server/**'], 'The renderer talks to the server only over the protocol.');

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Words come from the catalogs (src/shared/i18n/catalogs, through useText): literal text in a
    // screen, or in a prop people read (aria-*, placeholder, title, alt and our own `label`), fails.
    // (Tests are not shown to anyone: their fixtures may hold literal text.)
    files: ['src/renderer/src/features/**/*.tsx', 'src/renderer/src/ui/**/*.tsx', 'src/renderer/src/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { formatjs },
    rules: { 'formatjs/no-literal-string-in-jsx': ['error', { props: { include: [['*', 'label']] } }] },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty destructuring pattern.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  restrict(['src/shared/**'], [noElectron, noNode, noUi, noRenderer, noMain, noServer]),
  // Tests of shared code run in Node and may read the source tree (the catalogs' completeness check).
  restrict(['src/shared/**/*.test.ts'], [noElectron, noUi, noRenderer, noMain, noServer]),
  restrict(['src/renderer/src/call/**'], [noElectron, noNode, noUi, noMain, noServer, noFeatures, pattern(['**/store', '**/store/**', '**/platform', '**/platform/**'], 'The call layer is below the store and the platform bridge.')]),
  // Tests of the call layer run in Node (vitest) and may start real local servers to talk to
  // (plain HTTP, or a real Parley signaling server); they never ship, so Node built-ins and the
  // server are allowed there and only there.
  restrict(['src/renderer/src/call/**/*.test.ts'], [noElectron, noUi, noMain, noFeatures]),
  restrict(['src/renderer/src/store/**'], [noElectron, noNode, noMain, noServer, noFeatures, pattern(['react', 'react-dom'], 'The store holds state, not views.')]),
  restrict(['src/renderer/src/{features,platform}/**', 'src/renderer/src/*.{ts,tsx}'], [noElectron, noNode, noMain, noServer]),
  // The shared controls know nothing of the app: words and state come in as props.
  restrict(['src/renderer/src/ui/**'], [noElectron, noNode, noMain, noServer, noFeatures, pattern(['**/store', '**/store/**', '**/i18n', '**/i18n/**', '**/call', '**/call/**'], 'ui/ takes its words and state as props.')]),
  restrict(['src/preload/**'], [noRenderer, pattern(['**/main/**'], 'Preload shares code with main only through src/shared.'), noServer, noUi]),
  restrict(['src/main/**'], [noRenderer, noUi]),
  restrict(['signaling-server/**'], [noElectron, noRenderer, noMain, noUi]),
);
