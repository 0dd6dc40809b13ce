// The Fasto side of the n8n specs: an API key made the way a super admin makes one, and reads
// through the API to check what the workflows stored.
export const DEMO_PASSWORD = 'Fasto@2026!demo-n8n';
export const FASTO_URL = process.env.FASTO_URL ?? 'http://127.0.0.1:3000';

async function call(baseUrl, path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function signIn(email, baseUrl = FASTO_URL) {
  return (await call(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } })).accessToken;
}

/** A new key of the demo tenant, created by the super admin (as in docs/n8n/README.md, step 1). */
export async function createApiKey(baseUrl) {
  const token = await signIn('superadmin@fasto.app', baseUrl);
  const { items } = await call(baseUrl, '/api/tenants?limit=100', { token });
  const demo = items.find((tenant) => tenant.slug === 'demo');
  if (!demo) throw new Error('no demo tenant');
  return (await call(baseUrl, `/api/tenants/${demo.id}/api-keys`, { method: 'POST', token, body: { name: 'n8n' } })).key;
}

/** An attendance as the demo tenant's admin sees it in Fasto. */
export async function attendanceById(id) {
  return call(FASTO_URL, `/api/attendances/${id}`, { token: await signIn('admin@demo.fasto.app') });
}

/** The webhook path of docs/n8n/fasto-webhook-signature.workflow.json. */
export const SIGNATURE_WEBHOOK_PATH = 'fasto-webhook-assinado';

const asAdmin = async (path, options = {}) => call(FASTO_URL, path, { ...options, token: await signIn('admin@demo.fasto.app') });

/** An outbound webhook registered by the demo tenant's admin: its id and (shown once) secret. */
export async function createWebhook(baseUrl, url, events) {
  const token = await signIn('admin@demo.fasto.app', baseUrl);
  return call(baseUrl, '/api/webhooks', { method: 'POST', token, body: { url, events } });
}

/** The demo tenant's webhook endpoints, as its admin lists them. */
export async function webhooks() {
  return (await asAdmin('/api/webhooks')).items;
}

/** Sends the endpoint's newest `event` delivery again now, instead of waiting for the per-minute job. */
export async function redeliverNewest(endpointId, event) {
  const { items } = await asAdmin(`/api/webhooks/${endpointId}/deliveries?limit=20`);
  const newest = items.find((delivery) => delivery.event === event);
  if (!newest) throw new Error(`no ${event} delivery for webhook ${endpointId}`);
  return asAdmin(`/api/webhooks/${endpointId}/deliveries/${newest.id}/redeliver`, { method: 'POST' });
}

/** One attendance posted straight to the integration API with the run's key. */
export async function ingest(body) {
  const response = await fetch(`${FASTO_URL}/api/integration/attendances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': process.env.FASTO_API_KEY ?? '' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`ingest: ${response.status} ${await response.text()}`);
  return response.json();
}
