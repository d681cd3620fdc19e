// Installs the workspace with the pinned pnpm and builds the packages, so that
// `npm start` and `npm test` work on a fresh clone with only Node and npm.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const pnpm = 'npx --yes pnpm@12.4.2';
const run = (cmd) =>
  execSync(cmd, {
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
  });

const frozen = process.env.CI ? ' --frozen-lockfile' : '';
run(`${pnpm} install --reporter=silent${frozen}`);
run(`${pnpm} run build`);
if (!existsSync('packages/cli/dist/bin.js')) {
  console.error('bootstrap: build did not produce packages/cli/dist/bin.js');
  process.exit(1);
}
