import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

/** The API serves the built Angular app: one process, one port, deep links included. */
describe('web app hosting', () => {
  let t: TestApp;
  const webDist = mkdtempSync(join(tmpdir(), 'fasto-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><app-root>fasto-shell</app-root>');
    mkdirSync(join(webDist, 'media'));
    writeFileSync(join(webDist, 'main-ABCDEF12.js'), 'console.log("app")');
    t = await startTestApp({ WEB_DIST_DIR: webDist });
  });
  afterAll(() => t.close());

  it('serves index.html at / and for client-side deep links', async () => {
    for (const path of ['/', '/dashboard', '/teams/123/members?tab=x']) {
      const response = await t.http().get(path).set('accept', 'text/html,application/xhtml+xml').expect(200);
      expect(response.text).toContain('fasto-shell');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await t.http().get('/main-ABCDEF12.js').expect(200);
    expect(response.text).toContain('console.log');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON 404s for the API and for missing files requested by scripts', async () => {
    const api = await t.http().get('/api/nothing-here').set('accept', 'text/html').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const asset = await t.http().get('/missing.js').set('accept', '*/*').expect(404);
    expect(asset.body).toMatchObject({ statusCode: 404 });
  });
});
