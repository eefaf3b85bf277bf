// Lint rules that guard the architecture (docs/architecture.md), not style: the analysis core
// stays pure (no editor, protocol or file-system imports), so the CLI and the server can share it.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'server/out/**', 'client/out/**', 'node_modules/**', '.cache/**', 'artifacts/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'node:fs', 'path', 'node:path', 'child_process', 'node:child_process', 'fs/promises', 'node:fs/promises', 'os', 'node:os', 'http', 'node:http', 'net', 'node:net'],
        patterns: [
          { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core is pure: protocol types belong in server/src/lsp.' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**'], message: 'The core must not depend on its adapters.' },
        ],
      }],
    },
  },
);
