import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { FastoTrigger } from './FastoTrigger.node';

const SECRET = 'whsec_trigger';

function delivery(body: string, header: string | undefined, staticData: IDataObject = { secret: SECRET }) {
  const response = { code: 0, body: null as unknown, status: (code: number) => ({ json: (json: unknown) => Object.assign(response, { code, body: json }) }) };
  const context = {
    getRequestObject: () => ({ rawBody: Buffer.from(body, 'utf8'), headers: header === undefined ? {} : { 'x-fasto-signature': header } }),
    getResponseObject: () => response,
    getWorkflowStaticData: () => staticData,
    helpers: { returnJsonArray: (json: IDataObject) => [{ json }] },
  } as unknown as IWebhookFunctions;
  return { run: () => new FastoTrigger().webhook.call(context), response };
}

const signed = (body: string, secret = SECRET, t = Math.floor(Date.now() / 1000)) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('Fasto Trigger deliveries', () => {
  const body = JSON.stringify({ id: 'e1', type: 'attendance.created', data: { attendance: { id: 'a1', external_id: 'wa-1' } } });

  it('starts the workflow with the event of a correctly signed delivery', async () => {
    const { run, response } = delivery(body, signed(body));
    expect(await run()).toEqual({ workflowData: [[{ json: JSON.parse(body) }]] });
    expect(response.code).toBe(0);
  });

  it('answers 401 and starts nothing for a forged, unsigned or unexpected delivery', async () => {
    for (const [header, staticData] of [
      [signed(body, 'whsec_other'), { secret: SECRET }],
      [undefined, { secret: SECRET }],
      [signed(body), {}],
    ] as const) {
      const { run, response } = delivery(body, header, { ...staticData });
      expect(await run()).toEqual({ noWebhookResponse: true });
      expect(response.code).toBe(401);
    }
  });

  it('acknowledges Fasto’s test ping without starting the workflow', async () => {
    const ping = JSON.stringify({ id: 'p1', type: 'ping', data: {} });
    const { run } = delivery(ping, signed(ping));
    expect(await run()).toEqual({ webhookResponse: { received: true } });
  });
});
