import { randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import { Equal } from 'typeorm';
import { Transactions } from '../../src/core/database/transactions';
import { TenantContext } from '../../src/core/tenancy/tenant-context';
import { Attendance } from '../../src/modules/attendances/entities/attendance.entity';
import { factsOf } from '../../src/modules/attendances/rollups/rollup-rebuild.service';
import { RollupWriter } from '../../src/modules/attendances/rollups/rollup-writer.service';
import { TenantTimezones } from '../../src/modules/attendances/tenant-timezones';
import { FunnelStage } from '../../src/modules/funnels/entities/funnel-stage.entity';
import { OriginItem } from '../../src/modules/origins/entities/origin-item.entity';
import { Team } from '../../src/modules/teams/entities/team.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import type { TestApp } from './test-app';

export type AttendanceInput = Partial<Attendance> & { tenantId: string; attendedAt: Date };

/** Inserts attendances the way ingest will: row and rollups in one transaction. */
export async function insertAttendances(t: TestApp, inputs: AttendanceInput[]): Promise<Attendance[]> {
  const writer = t.app.get(RollupWriter);
  const rows = inputs.map((input) =>
    t.dataSource.getRepository(Attendance).create({
      id: randomUUID(),
      externalId: `fixture-${randomUUID()}`,
      userId: null,
      teamId: null,
      funnelStageId: null,
      originItemId: null,
      converted: false,
      score: null,
      firstResponseTimeMin: null,
      handlingTimeMin: null,
      saleValue: null,
      ...input,
    }),
  );
  for (const row of rows) {
    const timeZone = await t.app.get(TenantContext).runInTenant(row.tenantId, () => t.app.get(TenantTimezones).current());
    await t.app.get(TenantContext).runInTenant(row.tenantId, () =>
      t.app.get(Transactions).run(async (manager) => {
        await manager.getRepository(Attendance).insert(row);
        await writer.record(null, factsOf(row), timeZone);
      }),
    );
  }
  return rows;
}

/** Ids by name in a seeded tenant: users by email, teams, stages and origins by name. */
export async function catalogOf(t: TestApp, tenantId: string) {
  const [users, teams, stages, origins] = await Promise.all([
    t.dataSource.getRepository(User).findBy({ tenantId: Equal(tenantId) }),
    t.dataSource.getRepository(Team).findBy({ tenantId: Equal(tenantId) }),
    t.dataSource.getRepository(FunnelStage).findBy({ tenantId: Equal(tenantId) }),
    t.dataSource.getRepository(OriginItem).findBy({ tenantId: Equal(tenantId) }),
  ]);
  const find = <T>(items: T[], pick: (item: T) => boolean, what: string): T => {
    const found = items.find(pick);
    if (!found) throw new Error(`fixture: no ${what}`);
    return found;
  };
  return {
    user: (email: string) => find(users, (user) => user.email === email, email),
    team: (name: string) => find(teams, (team) => team.name === name, name),
    stage: (name: string, funnelId: string) => find(stages, (stage) => stage.name === name && stage.funnelId === funnelId, name),
    origin: (name: string) => find(origins, (origin) => origin.name === name, name),
  };
}

/** supertest parser that keeps a download's raw bytes (CSV with BOM, XLSX). */
export function binaryBody(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
