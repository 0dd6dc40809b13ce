import { AttendanceChannel } from '@fasto/contracts';
import type { Attendance } from '../modules/attendances/entities/attendance.entity';
import type { DemoCalendar } from './demo-calendar';
import { pick, pickWeighted, seededTimeOrderedId, type Random } from './random';

export interface SeedAgent {
  id: string;
  teamId: string;
}

export interface SeedTeamCatalog {
  stages: { id: string; isWon: boolean }[];
  originIds: string[];
}

export interface AttendanceBatchSpec {
  tenantId: string;
  agents: SeedAgent[];
  catalogs: Map<string, SeedTeamCatalog>;
  random: Random;
  /** Attendances fall in the `historyDays` days up to this instant, laid out by `calendar`. */
  until: Date;
  historyDays: number;
  calendar: DemoCalendar;
  /** Makes `external_id`s unique across repeated seed runs. */
  externalIdPrefix: string;
  /** The run's first index and size: attendances are laid out oldest first across the history. */
  firstIndex: number;
  total: number;
}

type AttendanceRow = Omit<Attendance, 'createdAt' | 'updatedAt' | 'deletedAt'>;

const FIRST_NAMES = [
  'João',
  'Maria',
  'José',
  'Ana',
  'Paulo',
  'Fernanda',
  'Lucas',
  'Juliana',
  'Rafael',
  'Camila',
  'Gustavo',
  'Larissa',
  'Thiago',
  'Patrícia',
  'Rodrigo',
  'Aline',
];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Ribeiro', 'Carvalho'];
/** What the customer asked about: the attendance's title, and how a summary's sentence names it (product names keep their capitals). */
const TOPICS = [
  { title: 'Plano Pro', about: 'o Plano Pro' },
  { title: 'Plano Starter', about: 'o Plano Starter' },
  { title: 'Consultoria', about: 'consultoria' },
  { title: 'Renovação de contrato', about: 'a renovação do contrato' },
  { title: 'Orçamento personalizado', about: 'um orçamento personalizado' },
  { title: 'Demonstração', about: 'uma demonstração' },
  { title: 'Dúvida sobre preço', about: 'preços' },
  { title: 'Integração com ERP', about: 'a integração com ERP' },
];
const CHANNELS = [AttendanceChannel.WhatsApp, AttendanceChannel.Instagram, AttendanceChannel.Other];

const DAY_MS = 86_400_000;

/** Oldest first: the index picks the day (so inserts arrive roughly in time order, like real ingest), the calendar the hour. */
const attendedAt = (spec: AttendanceBatchSpec, index: number): Date =>
  spec.calendar.instantAt((index - spec.firstIndex + 0.5) / Math.max(1, spec.total), spec.random);

/** A long-tailed first response: most answers within minutes, a few after hours. */
const firstResponseMinutes = (random: Random) => Math.round(Math.min(600, Math.exp(random() * 5.3) - 0.5) * 10) / 10;

export function generateAttendances(spec: AttendanceBatchSpec, fromIndex: number, count: number): AttendanceRow[] {
  const { random } = spec;
  const rows: AttendanceRow[] = [];
  for (let index = fromIndex; index < fromIndex + count; index++) {
    const agent = pick(random, spec.agents);
    const catalog = spec.catalogs.get(agent.teamId);
    // A few attendances arrive without a stage/origin the team knows: they show up as "Outros".
    const stage =
      catalog && random() > 0.03
        ? pickWeighted(
            random,
            catalog.stages,
            catalog.stages.map((_, i) => (i === 0 ? 3 : 2)),
          )
        : null;
    const originId = catalog && random() > 0.04 ? pick(random, catalog.originIds) : null;
    const converted = stage?.isWon ?? false;
    const customer = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const topic = pick(random, TOPICS);
    const score = Math.max(0, Math.min(100, Math.round(40 + random() * 45 + (converted ? 15 : 0) - (random() < 0.12 ? 35 : 0))));
    rows.push({
      id: seededTimeOrderedId(spec.until.getTime() - spec.historyDays * DAY_MS + index, random),
      tenantId: spec.tenantId,
      userId: agent.id,
      teamId: agent.teamId,
      funnelStageId: stage?.id ?? null,
      originItemId: originId,
      externalId: `${spec.externalIdPrefix}-${index}`,
      customerName: customer,
      customerPhone: `+55 11 9${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      channel: pickWeighted(random, CHANNELS, [7, 2, 1]),
      title: `${topic.title} — ${customer.split(' ')[0]}`,
      summary: `Cliente ${customer} procurou informações sobre ${topic.about}.`,
      fullSummary:
        `Resumo gerado pela IA.\n\nO cliente ${customer} entrou em contato sobre ${topic.about}. ` +
        `O atendente apresentou as opções, tirou dúvidas e ${converted ? 'fechou a venda' : 'registrou os próximos passos'}.\n\n` +
        `Pontos fortes: cordialidade e clareza. Pontos de melhoria: ${score < 50 ? 'tempo de resposta e follow-up' : 'explorar oportunidades de upsell'}.`,
      score,
      firstResponseTimeMin: firstResponseMinutes(random),
      handlingTimeMin: Math.round((5 + random() * 85) * 10) / 10,
      converted,
      saleValue: converted ? Math.round((400 + random() * 14600) * 100) / 100 : null,
      attendedAt: attendedAt(spec, index),
    });
  }
  return rows.sort((a, b) => a.attendedAt.getTime() - b.attendedAt.getTime());
}
