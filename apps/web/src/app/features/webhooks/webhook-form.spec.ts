import { endpointState, pingSucceeded, webhookErrors } from './webhook-form';

describe('webhook form', () => {
  it('asks for an http(s) address and at least one event', () => {
    expect(webhookErrors({ url: '', events: [] })).toEqual([
      { field: 'url', key: 'webhooks.urlInvalid' },
      { field: 'events', key: 'webhooks.eventsRequired' },
    ]);
    expect(webhookErrors({ url: 'ftp://example.com', events: ['attendance.created'] })).toEqual([{ field: 'url', key: 'webhooks.urlInvalid' }]);
    expect(webhookErrors({ url: ' https://n8n.example.com/webhook/x ', events: ['attendance.created'] })).toEqual([]);
  });

  it('tells an endpoint the server disabled from one an admin paused', () => {
    expect(endpointState({ isActive: true, disabledAt: null })).toBe('active');
    expect(endpointState({ isActive: false, disabledAt: null })).toBe('paused');
    expect(endpointState({ isActive: false, disabledAt: '2026-12-01T10:00:00.000Z' })).toBe('disabled');
  });

  it('counts a ping as sent only when it was delivered', () => {
    expect(pingSucceeded({ status: 'delivered' })).toBe(true);
    expect(pingSucceeded({ status: 'pending' })).toBe(false);
  });
});
