// npm run print:samples — the templates are TypeScript/TSX, so run the real script with tsx
// (with the test tsconfig, which sets the React JSX transform).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./print-samples.ts', import.meta.url));
const result = spawnSync('npx', ['tsx', '--tsconfig', 'tsconfig.test.json', script], {
  stdio: 'inherit',
  cwd: fileURLToPath(new URL('..', import.meta.url)),
});
process.exit(result.status ?? 1);
