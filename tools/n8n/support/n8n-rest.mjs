// What a user does in n8n's editor, through its REST API: set up the owner once, then (de)activate
// workflows as that owner.
const N8N_URL = process.env.N8N_URL ?? 'http://127.0.0.1:5678';
// n8n binds its session cookie to the browser that logged in (the `browser-id` header).
const BROWSER = { 'browser-id': 'fasto-test-n8n' };
let cookie = null;

async function rest(path, { method = 'GET', body } = {}) {
  const response = await fetch(`${N8N_URL}/rest${path}`, {
    method,
    headers: { ...BROWSER, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`n8n ${method} /rest${path}: ${response.status} ${text}`);
  return { response, body: text ? JSON.parse(text) : null };
}

async function signIn() {
  if (cookie) return;
  const { response } = await rest('/owner/setup', {
    method: 'POST',
    body: { email: 'owner@fasto.test', firstName: 'Fasto', lastName: 'Test', password: 'Fasto-test-n8n-1' },
  });
  cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}

/** Toggles the workflow off in n8n, as its _Active_ switch does: trigger nodes run their webhook `delete`. */
export async function deactivateWorkflow(workflowId) {
  await signIn();
  return (await rest(`/workflows/${workflowId}/deactivate`, { method: 'POST' })).body;
}
