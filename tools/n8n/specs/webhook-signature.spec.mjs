// docs/n8n/fasto-webhook-signature.workflow.json in a real n8n: the Code-node recipe of
// docs/webhooks.md accepts Fasto's signed delivery and fails the execution on a forged one.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ingest, redeliverNewest, SIGNATURE_WEBHOOK_PATH } from '../support/fasto-api.mjs';
import { executionWhere, lastExecutionId, nextExecution, postWebhook } from '../support/n8n-executions.mjs';

const FILE = 'fasto-webhook-signature.workflow.json';
const CODE = 'Verificar assinatura do Fasto';

describe('example workflow: verifying the signature in a Code node', () => {
  it('passes on the event of a delivery Fasto signed', async () => {
    const externalId = `sig-${randomUUID()}`;
    const stored = await ingest({ external_id: externalId, attended_at: new Date().toISOString(), customer_name: 'Rui Prado' });
    const before = lastExecutionId(FILE);
    await redeliverNewest(process.env.FASTO_SIGNED_WEBHOOK_ID, 'attendance.created');
    const execution = await executionWhere(
      FILE,
      before,
      (candidate) => candidate.status !== 'success' || candidate.outputOf(CODE)?.[0]?.data?.attendance?.external_id === externalId,
      75_000,
    );
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    const [event] = execution.outputOf(CODE);
    assert.equal(event.type, 'attendance.created');
    assert.equal(event.data.attendance.id, stored.id);
    assert.equal(event.data.attendance.customer_name, 'Rui Prado');
  });

  it('fails the execution for a body changed after signing, or signed with another secret', async () => {
    const body = JSON.stringify({ id: randomUUID(), type: 'attendance.created', data: { attendance: { id: randomUUID(), score: 10 } } });
    const t = Math.floor(Date.now() / 1000);
    const wrongSecret = `t=${t},v1=${createHmac('sha256', 'whsec_not-the-secret').update(`${t}.${body}`).digest('hex')}`;
    for (const headers of [{ 'x-fasto-signature': wrongSecret }, {}]) {
      const before = lastExecutionId(FILE);
      await postWebhook(SIGNATURE_WEBHOOK_PATH, body, headers);
      const execution = await nextExecution(FILE, before);
      assert.equal(execution.status, 'error');
      assert.equal(execution.failedNode, CODE);
      assert.match(execution.error.message, /Invalid Fasto signature/);
    }
  });
});
