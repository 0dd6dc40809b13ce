// The n8n side of the specs: call a production webhook, then read the execution it started from
// n8n's own database (what n8n's Executions list shows, including a failed node's error message).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const N8N_URL = process.env.N8N_URL ?? 'http://127.0.0.1:5678';
const WORKFLOW_IDS = JSON.parse(process.env.N8N_WORKFLOW_IDS ?? '{}');
// n8n stores run data in the `flatted` format; the parser comes from n8n's own install.
const { parse } = createRequire(join(process.env.N8N_HOME ?? '', 'app', 'node_modules', 'n8n', 'package.json'))('flatted');

export const workflowId = (file) => {
  if (!WORKFLOW_IDS[file]) throw new Error(`workflow ${file} was not imported`);
  return WORKFLOW_IDS[file];
};

export async function postWebhook(path, body, headers = {}) {
  const response = await fetch(`${N8N_URL}/webhook/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: json, text };
}

function query(sql, params) {
  const db = new Database(process.env.N8N_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

/** The id of the workflow's newest execution so far (0 when none). */
export function lastExecutionId(file) {
  const [row] = query('SELECT MAX(CAST(id AS INTEGER)) AS id FROM execution_entity WHERE workflowId = ?', [workflowId(file)]);
  return Number(row?.id ?? 0);
}

/** The first finished execution of the workflow after `afterId`: its status, failing node and error message. */
export function nextExecution(file, afterId, timeoutMs = 30_000) {
  return executionWhere(file, afterId, () => true, timeoutMs);
}

/** The first finished execution of the workflow after `afterId` that `matches` (other deliveries may start it too). */
export async function executionWhere(file, afterId, matches, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = afterId;
  while (Date.now() < deadline) {
    for (const execution of executionsAfter(file, seen)) {
      if (matches(execution)) return execution;
      seen = execution.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no matching finished execution of ${file} after #${afterId}`);
}

/** The workflow's finished executions after `afterId`, oldest first. */
export function executionsAfter(file, afterId) {
  const rows = query(
    `SELECT e.id, e.status, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id
     WHERE e.workflowId = ? AND CAST(e.id AS INTEGER) > ? AND e.stoppedAt IS NOT NULL ORDER BY CAST(e.id AS INTEGER)`,
    [workflowId(file), afterId],
  );
  return rows.map(executionOf);
}

function executionOf(row) {
  const { resultData } = parse(row.data);
  return {
    id: Number(row.id),
    status: row.status,
    failedNode: resultData.error?.node?.name ?? resultData.lastNodeExecuted ?? null,
    error: resultData.error ? { message: resultData.error.message, description: resultData.error.description ?? null } : null,
    outputOf: (node) => resultData.runData[node]?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? null,
  };
}
