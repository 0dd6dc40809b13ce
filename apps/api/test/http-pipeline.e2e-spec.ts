import { startTestApp, type TestApp } from './support/test-app';

const ALLOWED_ORIGIN = 'https://app.fasto.example';

describe('HTTP pipeline', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: ALLOWED_ORIGIN, BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('answers an unknown API route with the JSON error shape', async () => {
    const response = await t.http().get('/api/does-not-exist').set('accept', 'text/html').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', error: 'Cannot GET /api/does-not-exist', message: 'Cannot GET /api/does-not-exist' });
  });

  it('refuses an oversized body with 413 before it reaches a handler', async () => {
    const response = await t
      .http()
      .post('/api/health')
      .set('content-type', 'application/json')
      .send({ padding: 'x'.repeat(4096) })
      .expect(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', error: 'Request body is too large', message: 'Request body is too large' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t.http().post('/api/health').set('content-type', 'application/json').send('{"broken":').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', error: 'Malformed JSON body' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js|stack/i);
  });

  it('sends the security headers', async () => {
    const { headers } = await t.http().get('/api/health').expect(200);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // HSTS only in production, where HTTPS is guaranteed.
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('lets only allow-listed origins call from a browser', async () => {
    const allowed = await t.http().options('/api/health').set('origin', ALLOWED_ORIGIN).set('access-control-request-method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');

    const foreign = await t.http().get('/api/health').set('origin', 'https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps a safe caller request id, replaces an unsafe one, and logs it', async () => {
    const kept = await t.http().get('/api/health/ready').set('x-request-id', 'n8n-run-42').expect(200);
    expect(kept.headers['x-request-id']).toBe('n8n-run-42');

    const replaced = await t.http().get('/api/health/ready').set('x-request-id', 'bad id {"level":60}').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const line = t.logs().find((entry) => (entry['req'] as { id?: string } | undefined)?.id === 'n8n-run-42');
    expect(line).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });
  });

  it('redacts credentials from the request logs', async () => {
    await t
      .http()
      .get('/api/health/ready')
      .set('authorization', 'Bearer eyJ.secret-access-token')
      .set('cookie', 'fasto_refresh=secret-refresh-token')
      .set('x-api-key', 'fk_live_secret-api-key')
      .set('x-request-id', 'redaction-check')
      .expect(200);
    const line = t.logs().find((entry) => (entry['req'] as { id?: string } | undefined)?.id === 'redaction-check');
    expect(line).toBeDefined();
    const text = JSON.stringify(line);
    expect(text).not.toMatch(/secret-access-token|secret-refresh-token|secret-api-key/);
    expect((line!['req'] as { headers: Record<string, string> }).headers).toMatchObject({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
      'x-api-key': '[Redacted]',
    });
  });

  it('publishes the OpenAPI description and its UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready']));
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });
});
