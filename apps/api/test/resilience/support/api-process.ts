import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './private-mariadb';

const WORKSPACE = resolve(__dirname, '../../../../..');
export const API_ENTRY = join(WORKSPACE, 'dist/apps/api/main.js');
export const DEMO_PASSWORD = 'Fasto@2026!demo-resilience';

export interface HttpResult {
  status: number;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  text: string;
  ms: number;
  /** Set instead of a status when no HTTP answer came back (ECONNREFUSED, timeout…). */
  error?: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

/** One request on a fresh connection (no keep-alive), so "new connections are refused" is observable. */
export function call(baseUrl: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const started = Date.now();
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((done) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done({ status: 0, body: null, text: '', ms: Date.now() - started, error: String(error) }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          done({ status: res.statusCode ?? 0, body, text, ms: Date.now() - started });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (error: NodeJS.ErrnoException) => done({ status: 0, body: null, text: '', ms: Date.now() - started, error: error.code ?? error.message }));
    req.end(payload);
  });
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  stop(): Promise<void>;
}

/** Runs the built API (`dist/apps/api/main.js`, as in production) on a free port. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run \`npx nx build api\` first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fasto-resilience-'));
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: 'resilience-secret-resilience-secret-resilience',
      SUPERADMIN_PASSWORD: DEMO_PASSWORD,
      DEMO_PASSWORD,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      API_KEY_RATE_LIMIT_PER_MINUTE: '100000',
      TENANT_RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    if ((await call(baseUrl, '/api/health', { timeoutMs: 1000 })).status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    child,
    exit,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exit;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in as a demo user and returns the `Authorization` header value. */
export async function bearerFor(baseUrl: string, email: string): Promise<string> {
  const response = await call(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.text}`);
  return `Bearer ${(response.body as { accessToken: string }).accessToken}`;
}

/** Creates an integration API key for the Demo tenant through the super admin's API. */
export async function demoApiKey(baseUrl: string): Promise<string> {
  const superAdmin = await bearerFor(baseUrl, 'superadmin@fasto.app');
  const tenants = await call(baseUrl, '/api/tenants?limit=100', { headers: { authorization: superAdmin } });
  const items = (tenants.body as { items: { id: string; slug: string }[] }).items;
  const demo = items.find((tenant) => tenant.slug === 'demo');
  if (!demo) throw new Error(`no demo tenant: ${tenants.text}`);
  const created = await call(baseUrl, `/api/tenants/${demo.id}/api-keys`, {
    method: 'POST',
    headers: { authorization: superAdmin },
    body: { name: 'resilience' },
  });
  if (created.status !== 201) throw new Error(`api key: ${created.status} ${created.text}`);
  return (created.body as { key: string }).key;
}

/** The one error body of the API, with nothing internal in it (no stack, no SQL, no driver text). */
export function isCleanErrorBody(result: HttpResult, status: number): boolean {
  const body = result.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return false;
  const keys = Object.keys(body).filter((key) => !['statusCode', 'code', 'error', 'message', 'details'].includes(key));
  const leaks = /stack|select |insert |update |ER_[A-Z_]+|ECONN|at \w+ \(|\.js:\d+/i.test(result.text);
  const codeOk = typeof body['code'] === 'string' && /^[A-Z][A-Z_]+$/.test(body['code']);
  return body['statusCode'] === status && codeOk && typeof body['error'] === 'string' && typeof body['message'] === 'string' && keys.length === 0 && !leaks;
}

export const apiKeyHeader = (key: string) => ({ 'x-api-key': key });
