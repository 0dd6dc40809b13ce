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
      expect(ready.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(ready.body.details).toMatchObject({ error: { database: { status: 'down' } } });
      await t.http().get('/api/health').expect(200, { status: 'ok' });
    } finally {
      await t.dataSource.initialize();
    }
    await t.http().get('/api/health/ready').expect(200);
  });
});
