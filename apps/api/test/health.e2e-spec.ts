import { ShutdownState } from '../src/core/health/shutdown-state';
import { startTestApp, type TestApp } from './support/test-app';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready when the database answers', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('reports not ready (503) when the database is unreachable, while staying live', async () => {
    await t.dataSource.destroy();
    try {
      const ready = await t.http().get('/api/health/ready').expect(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(ready.body.details).toMatchObject({ error: { database: { status: 'down' } } });
      await t.http().get('/api/health').expect(200, { status: 'ok' });
    } finally {
      await t.dataSource.initialize();
    }
    await t.http().get('/api/health/ready').expect(200);
  });

  // Last: it puts the app in its shutting-down state (SIGTERM runs this hook before closing the listener).
  it('reports not ready (503) as soon as shutdown begins, while staying live', async () => {
    t.app.get(ShutdownState).beforeApplicationShutdown();
    const ready = await t.http().get('/api/health/ready').expect(503);
    expect(ready.body).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      error: 'Not ready: shutting down',
      message: 'Not ready: shutting down',
      details: { status: 'shutting_down' },
    });
    await t.http().get('/api/health').expect(200, { status: 'ok' });
  });
});
