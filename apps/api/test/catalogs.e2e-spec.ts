import { randomUUID } from 'node:crypto';
import { Attendance } from '../src/modules/attendances/entities/attendance.entity';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

interface Stage {
  id: string;
  name: string;
  position: number;
  isWon: boolean;
}

describe('funnels and origin groups', () => {
  let t: TestApp;
  let admin: Client;
  let acmeAdmin: Client;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    [admin, acmeAdmin] = await Promise.all([client(t, DEMO.admin), client(t, DEMO.acmeAdmin)]);
  });
  afterAll(() => t.close());

  const newFunnel = (name: string) =>
    admin.post('/api/funnels', {
      name,
      stages: [
        { name: 'Lead', color: 'bg-sky-100' },
        { name: 'Proposta', color: 'bg-amber-200' },
        { name: 'Ganho', color: 'bg-green-100', isWon: true },
      ],
    });

  describe('funnels', () => {
    it('creates a funnel with ordered, colored stages and lists it with the teams using it', async () => {
      const created = await newFunnel('Funil Teste').expect(201);
      expect(created.body.stages.map((stage: Stage) => [stage.name, stage.position, stage.isWon])).toEqual([
        ['Lead', 0, false],
        ['Proposta', 1, false],
        ['Ganho', 2, true],
      ]);
      const list = await admin.get('/api/funnels').expect(200);
      const sales = list.body.items.find((funnel: { name: string }) => funnel.name === 'Funil de Vendas');
      expect(sales.teams).toEqual([{ id: expect.any(String), name: 'Equipe Alpha' }]);
    });

    it('accepts palette colors only, one won stage, unique stage names', async () => {
      const badColor = await admin.post('/api/funnels', { name: 'X', stages: [{ name: 'A', color: 'red' }] }).expect(400);
      expect(badColor.body.details[0]).toEqual({ field: 'stages.0.color', messages: ['color must be a palette color such as bg-green-100'] });
      await admin.post('/api/funnels', { name: 'X', stages: [{ name: 'A', color: 'bg-green-150' }] }).expect(400);
      await admin
        .post('/api/funnels', {
          name: 'X',
          stages: [
            { name: 'A', color: 'bg-green-100', isWon: true },
            { name: 'B', color: 'bg-red-100', isWon: true },
          ],
        })
        .expect(400);
      await admin
        .post('/api/funnels', {
          name: 'X',
          stages: [
            { name: 'A', color: 'bg-green-100' },
            { name: 'a', color: 'bg-red-100' },
          ],
        })
        .expect(409);
      expect((await admin.post('/api/funnels', { name: 'funil teste' }).expect(409)).body.code).toBe('NAME_TAKEN');
      const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM funnels WHERE name = 'X'");
      expect(Number(n)).toBe(0);
    });

    it('adds, renames, recolors stages; marking a stage won moves the flag', async () => {
      const funnel = (await newFunnel('Funil Flag').expect(201)).body;
      const added = await admin.post(`/api/funnels/${funnel.id}/stages`, { name: 'Fechado', color: 'bg-emerald-300' }).expect(201);
      const fechado = added.body.stages.find((stage: Stage) => stage.name === 'Fechado');
      expect(fechado.position).toBe(3);
      expect((await admin.post(`/api/funnels/${funnel.id}/stages`, { name: 'lead', color: 'bg-emerald-300' }).expect(409)).body.code).toBe('NAME_TAKEN');

      const moved = await admin.patch(`/api/funnels/${funnel.id}/stages/${fechado.id}`, { isWon: true, color: 'bg-emerald-400', name: 'Fechado!' }).expect(200);
      expect(moved.body.stages.filter((stage: Stage) => stage.isWon).map((stage: Stage) => stage.name)).toEqual(['Fechado!']);
      await admin.patch(`/api/funnels/${funnel.id}/stages/${fechado.id}`, { color: 'purple' }).expect(400);
      await admin.patch(`/api/funnels/${funnel.id}`, { name: 'Funil Flag 2' }).expect(200);
    });

    it('reorders with the full list of stage ids only', async () => {
      const funnel = (await newFunnel('Funil Ordem').expect(201)).body;
      const [lead, proposta, ganho] = funnel.stages.map((stage: Stage) => stage.id);
      const reordered = await admin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: [ganho, lead, proposta] }).expect(200);
      expect(reordered.body.stages.map((stage: Stage) => stage.id)).toEqual([ganho, lead, proposta]);

      const missing = await admin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: [ganho, lead] }).expect(400);
      expect(missing.body.details[0].messages).toEqual([`missing id ${proposta}`]);
      await admin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: [ganho, lead, randomUUID()] }).expect(400);
      await admin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: [ganho, lead, lead] }).expect(400);
      await admin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: 'nope' }).expect(400);
      const after = await admin.get(`/api/funnels/${funnel.id}`).expect(200);
      expect(after.body.stages.map((stage: Stage) => stage.id)).toEqual([ganho, lead, proposta]);
    });

    it('deleting a stage keeps the attendances that used it, and compacts positions', async () => {
      const funnel = (await newFunnel('Funil Historia').expect(201)).body;
      const proposta = funnel.stages[1];
      const attendanceId = randomUUID();
      await t.dataSource.getRepository(Attendance).insert({
        id: attendanceId,
        tenantId: admin.session.body.user.tenantId,
        externalId: 'history-1',
        funnelStageId: proposta.id,
        attendedAt: new Date(),
      });
      const after = await admin.delete(`/api/funnels/${funnel.id}/stages/${proposta.id}`).expect(200);
      expect(after.body.stages.map((stage: Stage) => [stage.name, stage.position])).toEqual([
        ['Lead', 0],
        ['Ganho', 1],
      ]);
      const kept = await t.dataSource.getRepository(Attendance).findOneByOrFail({ id: attendanceId });
      expect(kept.funnelStageId).toBe(proposta.id);
      await admin.delete(`/api/funnels/${funnel.id}/stages/${proposta.id}`).expect(404);
    });

    it('refuses to delete a funnel a team uses (409 naming the team), then deletes it after reassignment', async () => {
      const funnel = (await newFunnel('Funil Em Uso').expect(201)).body;
      const team = (await admin.post('/api/teams', { name: 'Equipe Usa Funil', funnelId: funnel.id }).expect(201)).body;
      const refused = await admin.delete(`/api/funnels/${funnel.id}`).expect(409);
      expect(refused.body.message).toMatch(/Equipe Usa Funil/);
      expect(refused.body.details.teams).toEqual([{ id: team.id, name: 'Equipe Usa Funil' }]);
      await admin.patch(`/api/teams/${team.id}`, { funnelId: null }).expect(200);
      await admin.delete(`/api/funnels/${funnel.id}`).expect(204);
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM funnel_stages WHERE funnel_id = ?', [funnel.id]);
      expect(Number(n)).toBe(0);
    });

    it('answers 404 to another tenant on every funnel route and changes nothing', async () => {
      const funnel = (await newFunnel('Funil Privado').expect(201)).body;
      const stage = funnel.stages[0];
      await acmeAdmin.get(`/api/funnels/${funnel.id}`).expect(404);
      await acmeAdmin.patch(`/api/funnels/${funnel.id}`, { name: 'Mine' }).expect(404);
      await acmeAdmin.post(`/api/funnels/${funnel.id}/stages`, { name: 'Injected', color: 'bg-red-100' }).expect(404);
      await acmeAdmin.patch(`/api/funnels/${funnel.id}/stages/${stage.id}`, { name: 'Mine' }).expect(404);
      await acmeAdmin.put(`/api/funnels/${funnel.id}/stages/order`, { ids: funnel.stages.map((s: Stage) => s.id).reverse() }).expect(404);
      await acmeAdmin.delete(`/api/funnels/${funnel.id}/stages/${stage.id}`).expect(404);
      await acmeAdmin.delete(`/api/funnels/${funnel.id}`).expect(404);
      const unchanged = await admin.get(`/api/funnels/${funnel.id}`).expect(200);
      expect(unchanged.body).toEqual(funnel);
      const list = await acmeAdmin.get('/api/funnels').expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(funnel.id);
    });

    it('refuses stages of another funnel through this funnel’s path', async () => {
      const a = (await newFunnel('Funil A').expect(201)).body;
      const b = (await newFunnel('Funil B').expect(201)).body;
      await admin.patch(`/api/funnels/${a.id}/stages/${b.stages[0].id}`, { name: 'Cross' }).expect(404);
      await admin.delete(`/api/funnels/${a.id}/stages/${b.stages[0].id}`).expect(404);
    });
  });

  describe('origin groups', () => {
    it('creates, adds, reorders and protects groups in use, like funnels', async () => {
      const group = (
        await admin
          .post('/api/origin-groups', {
            name: 'Grupo Teste',
            items: [
              { name: 'Instagram', color: 'bg-pink-100' },
              { name: 'Site', color: 'bg-zinc-200' },
            ],
          })
          .expect(201)
      ).body;
      expect(group.items.map((item: { name: string }) => item.name)).toEqual(['Instagram', 'Site']);
      expect(group.items[0]).not.toHaveProperty('isWon');
      await admin.post(`/api/origin-groups/${group.id}/items`, { name: 'Feira', color: 'bg-violet-50', isWon: true }).expect(400);
      const added = await admin.post(`/api/origin-groups/${group.id}/items`, { name: 'Feira', color: 'bg-violet-50' }).expect(201);
      const ids = added.body.items.map((item: { id: string }) => item.id);
      const reordered = await admin.put(`/api/origin-groups/${group.id}/items/order`, { ids: [...ids].reverse() }).expect(200);
      expect(reordered.body.items.map((item: { name: string }) => item.name)).toEqual(['Feira', 'Site', 'Instagram']);
      await admin.patch(`/api/origin-groups/${group.id}/items/${ids[0]}`, { color: 'bg-nope-100' }).expect(400);

      await admin.post('/api/teams', { name: 'Equipe Usa Origem', originGroupId: group.id }).expect(201);
      await admin.delete(`/api/origin-groups/${group.id}`).expect(409);
      await acmeAdmin.get(`/api/origin-groups/${group.id}`).expect(404);
      await acmeAdmin.delete(`/api/origin-groups/${group.id}/items/${ids[0]}`).expect(404);
    });
  });
});
