// One throwaway n8n (from the cache install) for `npm run test:n8n`: its own user folder, loopback
// only, telemetry and every outbound call it can skip switched off, env access blocked in nodes.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureOutput, freePort, stop, waitFor } from '../scripts/child-processes.mjs';
import { N8N_HOME, n8nBinary } from './install.mjs';

/** The name the example workflows give their credential: an import links credentials by id, then by this name. */
export const CREDENTIAL = { id: 'fasto-api-key', name: 'Fasto API key' };
/** The credential of the n8n-nodes-fasto workflows (address and key in one). */
export const NODE_CREDENTIAL = { id: 'fasto-account', name: 'Fasto account' };

/** A stable n8n workflow id per file (the CLI activates and the specs look up executions by it). */
export const workflowIdOf = (file) => createHash('sha1').update(file).digest('hex').slice(0, 16);

export async function createN8n() {
  const runsDir = join(N8N_HOME, 'runs');
  mkdirSync(runsDir, { recursive: true });
  const userFolder = mkdtempSync(join(runsDir, 'run-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: 'fasto-test-n8n-encryption-key',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PORT: String(port),
    N8N_PROTOCOL: 'http',
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    // What n8n Cloud and the coming default do: the example workflows must not need $env.
    N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
    N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'false',
    N8N_PUBLIC_API_DISABLED: 'true',
    EXTERNAL_FRONTEND_HOOKS_URLS: '',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
    N8N_SECURE_COOKIE: 'false',
    DB_SQLITE_POOL_SIZE: '2',
    N8N_LOG_LEVEL: 'info',
    N8N_RUNNERS_ENABLED: 'true',
    N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
    // The signature recipe of docs/webhooks.md needs `require('crypto')` in the Code node.
    NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
  };
  const cli = (args) => {
    const result = spawnSync(process.execPath, [n8nBinary(), ...args], { cwd: userFolder, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  let server = null;
  let output = null;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    databaseFile: join(userFolder, '.n8n', 'database.sqlite'),

    /**
     * Installs a built community node package the way n8n's "Community nodes" install leaves it:
     * `<user folder>/.n8n/nodes/node_modules/<name>` with its package.json and dist.
     */
    installNodePackage(packageDir) {
      const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
      const target = join(userFolder, '.n8n', 'nodes', 'node_modules', name);
      mkdirSync(target, { recursive: true });
      cpSync(join(packageDir, 'package.json'), join(target, 'package.json'));
      cpSync(join(packageDir, 'dist'), join(target, 'dist'), { recursive: true });
    },

    /**
     * Imports the credentials (the Header Auth key of the HTTP workflows, the Fasto API credential of
     * the node workflows) and every `*.workflow.json` of `dir`, and activates them. Each workflow's
     * "Configuração" node gets the `settings` it names (e.g. `fasto_url`); a workflow without one
     * must take Fasto's address from the Fasto credential.
     */
    importWorkflows(dir, { fastoUrl, apiKey, settings = {} }) {
      const staging = join(userFolder, 'import');
      mkdirSync(join(staging, 'workflows'), { recursive: true });
      writeFileSync(
        join(staging, 'credentials.json'),
        JSON.stringify([
          { ...CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'x-api-key', value: apiKey } },
          { ...NODE_CREDENTIAL, type: 'fastoApi', data: { baseUrl: fastoUrl, apiKey } },
        ]),
      );
      const files = readdirSync(dir).filter((file) => file.endsWith('.workflow.json'));
      for (const file of files) {
        const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        // What a user does after importing: type Fasto's address (and secrets) into the configuration node.
        const config = workflow.nodes.find((node) => node.name === 'Configuração');
        if (config) {
          for (const assignment of config.parameters.assignments.assignments) {
            if (!(assignment.name in settings)) throw new Error(`${file}: no value for "${assignment.name}" of its "Configuração" node`);
            assignment.value = settings[assignment.name];
          }
        } else if (!workflow.nodes.some((node) => node.credentials?.fastoApi)) {
          throw new Error(`${file} has no "Configuração" node and no node with the Fasto credential`);
        }
        writeFileSync(join(staging, 'workflows', file), JSON.stringify({ ...workflow, id: workflowIdOf(file) }));
      }
      cli(['import:credentials', `--input=${join(staging, 'credentials.json')}`]);
      cli(['import:workflow', '--separate', `--input=${join(staging, 'workflows')}`]);
      cli(['update:workflow', '--all', '--active=true']);
      return files;
    },

    /** Starts `n8n start` and waits until the production webhook of `webhookPath` is registered. */
    async start(webhookPath) {
      server = spawn(process.execPath, [n8nBinary(), 'start'], { cwd: userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });
      output = captureOutput(server);
      // A POST-only production webhook answers a GET with a hint once its workflow is active.
      await waitFor('n8n', server, async () => (await (await fetch(`${baseUrl}/webhook/${webhookPath}`)).text()).includes('POST'), 180_000);
    },

    log: () => output?.text() ?? '',

    async close() {
      if (server) await stop(server);
      rmSync(userFolder, { recursive: true, force: true });
    },
  };
}
