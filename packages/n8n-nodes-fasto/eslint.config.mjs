import jsoncParser from 'jsonc-eslint-parser';
import baseConfig from '../../eslint.config.mjs';
// tools/ is no Nx project; this config only borrows the plugin's installer from it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { n8nLintPlugin } from '../../tools/n8n/lint-plugin.mjs';

// n8n's rule sets for community packages (package.json), credentials and nodes, as n8n's node
// starter applies them; the plugin ships legacy configs, so only their rules are taken here. The
// patterns start with **/ because `nx lint` runs ESLint from the workspace root.
const n8n = n8nLintPlugin();
const n8nRules = (files, config, extra = {}) => ({ files, plugins: { 'n8n-nodes-base': n8n }, rules: n8n.configs[config].rules, ...extra });

export default [
  ...baseConfig,
  { ignores: ['dist/**'] },
  n8nRules(['**/n8n-nodes-fasto/package.json'], 'community', { languageOptions: { parser: jsoncParser } }),
  n8nRules(['**/credentials/**/*.ts'], 'credentials'),
  n8nRules(['**/nodes/**/*.ts'], 'nodes'),
];
