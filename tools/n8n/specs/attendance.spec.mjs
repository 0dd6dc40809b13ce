// docs/n8n/fasto-attendance.workflow.json in a real n8n: one analysed conversation in, one attendance in Fasto.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { attendanceById } from '../support/fasto-api.mjs';
import { lastExecutionId, nextExecution, postWebhook } from '../support/n8n-executions.mjs';

const FILE = 'fasto-attendance.workflow.json';
const PATH = 'fasto-atendimento';

/** The README's example body, dated an hour ago (inside the dashboard's default last-30-days period). */
const conversation = (changes = {}) => ({
  conversation_id: `wa-${randomUUID()}`,
  agent_email: 'agent@demo.fasto.app',
  stage: 'Negociação',
  origin: 'Instagram',
  customer_name: 'Maria Souza',
  customer_phone: '+55 11 99999-0000',
  channel: 'whatsapp',
  title: 'Plano Pro',
  summary: 'Cliente quer o plano Pro.',
  full_summary: 'Análise completa…',
  score: 72,
  first_response_time_min: 4.5,
  handling_time_min: 22,
  converted: false,
  sale_value: null,
  attended_at: new Date(Date.now() - 3_600_000).toISOString(),
  ...changes,
});

async function run(body) {
  const before = lastExecutionId(FILE);
  const answer = await postWebhook(PATH, body);
  return { answer, execution: await nextExecution(FILE, before) };
}

describe('example workflow: one attendance', () => {
  it('records the conversation with agent, stage and origin resolved to their ids', async () => {
    const body = conversation();
    const { answer, execution } = await run(body);
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.status, 'created');
    assert.deepEqual(answer.body.warnings, []);

    const stored = await attendanceById(answer.body.id);
    assert.equal(stored.externalId, body.conversation_id);
    assert.equal(stored.agent?.name, 'Alice Atendente');
    assert.equal(stored.stage?.name, 'Negociação');
    assert.equal(stored.origin?.name, 'Instagram');
    assert.equal(stored.score, 72);
  });

  it('finds the agent by agent_name when the AI gives no e-mail', async () => {
    const { answer, execution } = await run(conversation({ agent_email: undefined, agent_name: 'alice atendente' }));
    assert.equal(execution.status, 'success', JSON.stringify(execution.error));
    assert.equal(answer.body.status, 'created');
    assert.ok(execution.outputOf('Mapear para o Fasto')[0].user_id, 'the Code node resolved the agent to its id');
    assert.equal((await attendanceById(answer.body.id)).agent?.name, 'Alice Atendente');
  });

  it('answers "unchanged" when n8n sends the same conversation again', async () => {
    const body = conversation();
    assert.equal((await run(body)).answer.body.status, 'created');
    const again = await run(body);
    assert.equal(again.execution.status, 'success');
    assert.equal(again.answer.body.status, 'unchanged');
  });

  it("shows Fasto's reason for a refused attendance in the node's error message", async () => {
    const { execution } = await run(conversation({ score: 150 }));
    assert.equal(execution.status, 'error');
    assert.equal(execution.failedNode, 'Fasto: registrar atendimento');
    // n8n titles every 400 "Bad request - please check your parameters" and shows the body's `error`
    // right under it (it showed "Bad Request" before the body carried the reason there).
    assert.equal(execution.error.message, 'Bad request - please check your parameters');
    assert.equal(execution.error.description, 'Validation failed: score must not be greater than 100');
  });
});
