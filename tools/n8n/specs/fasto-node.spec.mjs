// The n8n-nodes-fasto package in a real n8n: docs/n8n/fasto-node-attendance.workflow.json posts an
// attendance with the Fasto node, and docs/n8n/fasto-trigger.workflow.json, subscribed by its Fasto
// Trigger on activation, receives Fasto's signed attendance.created for it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { attendanceById, redeliverNewest, webhooks } from '../support/fasto-api.mjs';
import { executionsAfter, executionWhere, lastExecutionId, nextExecution, postWebhook, workflowId } from '../support/n8n-executions.mjs';
import { deactivateWorkflow } from '../support/n8n-rest.mjs';

const NODE_FILE = 'fasto-node-attendance.workflow.json';
const TRIGGER_FILE = 'fasto-trigger.workflow.json';
/** The Fasto Trigger's production URL: `<n8n>/webhook/<the node's webhookId>/webhook`. */
const TRIGGER_PATH = '8f3c6b2e-2a51-4d6c-9b0e-5a7f1c3d9e21/webhook';
const N8N_URL = process.env.N8N_URL ?? 'http://127.0.0.1:5678';

/** The endpoint the trigger subscribed on activation (n8n activates it while starting up). */
async function triggerEndpoint(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const endpoint = (await webhooks()).find((candidate) => candidate.url === `${N8N_URL}/webhook/${TRIGGER_PATH}`);
    if (endpoint) return endpoint;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the Fasto Trigger did not subscribe');
}

describe('n8n-nodes-fasto: the Fasto node and the Fasto Trigger', () => {
  let attendance = null;

  it('the Fasto Trigger subscribed its webhook URL for its events when the workflow was activated', async () => {
    const endpoint = await triggerEndpoint();
    assert.deepEqual(endpoint.events, ['attendance.created']);
    assert.equal(endpoint.isActive, true);
  });

  it('the Fasto node creates an attendance, with agent, stage and origin matched by Fasto', async () => {
    const before = lastExecutionId(NODE_FILE);
    const conversation = {
      conversation_id: `node-${randomUUID()}`,
      agent_email: 'agent@demo.fasto.app',
      stage: 'Negociação',
      origin: 'Instagram',
      customer_name: 'Joana Lima',
      score: 81,
      converted: false,
      attended_at: new Date(Date.now() - 1_800_000).toISOString(),
    };
    const answer = await postWebhook('fasto-no-atendimento', conversation);
    const execution = await nextExecution(NODE_FILE, before);
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    assert.equal(answer.body.status, 'created', answer.text);
    assert.deepEqual(answer.body.warnings, []);
    const stored = await attendanceById(answer.body.id);
    assert.equal(stored.externalId, conversation.conversation_id);
    assert.equal(stored.agent?.name, 'Alice Atendente');
    assert.equal(stored.stage?.name, 'Negociação');
    assert.equal(stored.origin?.name, 'Instagram');
    assert.equal(stored.score, 81);
    attendance = { id: answer.body.id, externalId: conversation.conversation_id };
  });

  it('the Fasto Trigger starts its workflow with the signed attendance.created of that attendance', async () => {
    assert.ok(attendance, 'the previous test stored an attendance');
    const endpoint = await triggerEndpoint();
    const before = lastExecutionId(TRIGGER_FILE);
    // The per-minute webhooks.deliver job sends it too; redelivering now keeps the run short.
    await redeliverNewest(endpoint.id, 'attendance.created');
    const execution = await executionWhere(
      TRIGGER_FILE,
      before,
      (candidate) => candidate.outputOf('Atendimento recebido')?.[0]?.external_id === attendance.externalId,
      75_000,
    );
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    assert.deepEqual(execution.outputOf('Atendimento recebido'), [
      { attendance_id: attendance.id, external_id: attendance.externalId, event: 'attendance.created' },
    ]);
    const [event] = execution.outputOf('Fasto Trigger');
    assert.equal(event.type, 'attendance.created');
    assert.equal(event.data.attendance.customer_name, 'Joana Lima');
  });

  it('the Fasto Trigger answers 401 to a delivery that is not signed with its secret, and starts nothing', async () => {
    const before = lastExecutionId(TRIGGER_FILE);
    const eventId = randomUUID();
    const body = JSON.stringify({ id: eventId, type: 'attendance.created', data: { attendance: { id: randomUUID() } } });
    const t = Math.floor(Date.now() / 1000);
    const forged = await postWebhook(TRIGGER_PATH, body, { 'x-fasto-signature': `t=${t},v1=${'0'.repeat(64)}` });
    assert.equal(forged.status, 401, forged.text);
    const unsigned = await postWebhook(TRIGGER_PATH, body);
    assert.equal(unsigned.status, 401, unsigned.text);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Fasto's per-minute job may start the workflow meanwhile with real deliveries; never with this event.
    const started = executionsAfter(TRIGGER_FILE, before).filter((execution) => execution.outputOf('Fasto Trigger')?.some((event) => event.id === eventId));
    assert.deepEqual(started, []);
  });

  it('deactivating the workflow unsubscribes the Fasto Trigger in Fasto', async () => {
    const endpoint = await triggerEndpoint();
    await deactivateWorkflow(workflowId(TRIGGER_FILE));
    assert.equal(
      (await webhooks()).find((candidate) => candidate.id === endpoint.id),
      undefined,
    );
  });
});
