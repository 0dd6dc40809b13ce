import {
  type IDataObject,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { isSignedByFasto, SIGNATURE_HEADER } from '../../shared/signature';
import { subscribe, subscriptionMatches, unsubscribe } from '../../shared/subscription';
import { CREDENTIAL } from '../../shared/transport';

/** The events Fasto sends (docs/webhooks.md, "Events"). */
const EVENTS = [
  { name: 'Attendance Converted', value: 'attendance.converted', description: 'An attendance became a sale' },
  { name: 'Attendance Created', value: 'attendance.created', description: 'An attendance was stored for the first time' },
  { name: 'Attendance Deleted', value: 'attendance.deleted', description: 'An attendance was deleted in Fasto' },
  { name: 'Goal Reached', value: 'goal.reached', description: 'A goal reached its target in its period (once per goal and period)' },
  { name: 'Attendance Stage Changed', value: 'attendance.stage_changed', description: 'An attendance moved to another funnel stage' },
  { name: 'Attendance Updated', value: 'attendance.updated', description: 'A stored attendance changed' },
];

/**
 * Subscribes this workflow's webhook URL in Fasto when the workflow is activated (`POST
 * /api/integration/webhooks`, which answers the signing secret once: it is kept in the node's
 * static data), unsubscribes it on deactivation, and starts the workflow only for deliveries whose
 * `X-Fasto-Signature` checks out.
 */
export class FastoTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Fasto Trigger',
    name: 'fastoTrigger',
    icon: 'file:fasto.svg',
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["events"].join(", ")}}',
    description: 'Starts the workflow when attendances change in Fasto',
    defaults: { name: 'Fasto Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: CREDENTIAL, required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties: [
      {
        displayName: 'Events',
        name: 'events',
        type: 'multiOptions',
        required: true,
        options: EVENTS,
        default: ['attendance.created'],
        description: 'The events that start the workflow',
      },
    ],
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return subscriptionMatches(this.getWorkflowStaticData('node'), this.getNodeWebhookUrl('default') ?? '', this.getNodeParameter('events') as string[]);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        await subscribe.call(this, this.getNodeWebhookUrl('default') ?? '', this.getNodeParameter('events') as string[]);
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        await unsubscribe.call(this);
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const request = this.getRequestObject();
    if (!request.rawBody) await request.readRawBody();
    const { secret } = this.getWorkflowStaticData('node') as { secret?: string };
    const header = request.headers[SIGNATURE_HEADER];
    if (!secret || !isSignedByFasto(secret, request.rawBody, Array.isArray(header) ? header[0] : header)) {
      // Fasto retries a delivery that is not answered 2xx; a forged or replayed one never starts the workflow.
      this.getResponseObject().status(401).json({ error: 'Invalid Fasto signature' });
      return { noWebhookResponse: true };
    }
    const event = JSON.parse(request.rawBody.toString('utf8')) as IDataObject;
    // `ping` (the test button in Fasto) proves the subscription without starting a run.
    if (event.type === 'ping') return { webhookResponse: { received: true } };
    return { workflowData: [this.helpers.returnJsonArray(event)] };
  }
}
