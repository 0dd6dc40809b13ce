// docs/n8n/fasto-attendance-batch.workflow.json in a real n8n: many conversations in one request,
// and an execution that fails, naming each refused item, when Fasto refuses some of them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { attendanceById } from '../support/fasto-api.mjs';
import { lastExecutionId, nextExecution, postWebhook } from '../support/n8n-executions.mjs';

const FILE = 'fasto-attendance-batch.workflow.json';
const PATH = 'fasto-atendimentos-lote';

const conversation = (changes = {}) => ({
  conversation_id: `wa-${randomUUID()}`,
  agent_email: 'agent@demo.fasto.app',
  stage: 'Negociação',
  origin: 'Instagram',
  customer_name: 'Maria Souza',
  score: 80,
  converted: true,
  sale_value: 990,
  attended_at: new Date(Date.now() - 7_200_000).toISOString(),
  ...changes,
});

async function run(conversations) {
  const before = lastExecutionId(FILE);
  const answer = await postWebhook(PATH, { conversations });
  return { answer, ...(await nextExecution(FILE, before)) };
}

describe('example workflow: a batch', () => {
  it('stores every conversation of the batch with one request', async () => {
    const conversations = [conversation(), conversation({ stage: 'Proposta', converted: false, sale_value: null })];
    const execution = await run(conversations);
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    const [{ results }] = execution.outputOf('Fasto: registrar lote');
    // The webhook answers with the last node's output: the batch's results.
    assert.deepEqual(execution.answer.body, { results });
    assert.deepEqual(
      results.map((result) => [result.externalId, result.status]),
      conversations.map((item) => [item.conversation_id, 'created']),
    );
    for (const result of results) assert.equal((await attendanceById(result.id)).externalId, result.externalId);
  });

  it('fails the execution and names each refused item with its reason, after storing the good ones', async () => {
    const good = conversation();
    const bad = conversation({ score: 150 });
    const execution = await run([good, bad]);
    assert.equal(execution.status, 'error');
    assert.equal(execution.failedNode, 'Falhar com os itens recusados');
    assert.match(execution.error.message, /recusou 1 de 2/);
    assert.match(execution.error.message, new RegExp(`#1 ${bad.conversation_id}: .*score must not be greater than 100`));
    const [{ results }] = execution.outputOf('Fasto: registrar lote');
    assert.equal(results[0].status, 'created');
    assert.equal((await attendanceById(results[0].id)).externalId, good.conversation_id);
  });
});
