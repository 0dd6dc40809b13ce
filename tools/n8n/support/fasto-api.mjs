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
