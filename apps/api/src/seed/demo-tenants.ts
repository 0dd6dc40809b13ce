import { Role } from '@fasto/contracts';

/** The shape of a demo organization; ids are generated at seed time. */
export interface DemoTenant {
  name: string;
  slug: string;
  plan: string;
  attendances: number;
  randomSeed: number;
  funnels: { name: string; stages: { name: string; color: string; isWon?: boolean }[] }[];
  originGroups: { name: string; items: { name: string; color: string }[] }[];
  /** `funnel`/`originGroup` are indexes into the lists above. */
  teams: { name: string; funnel: number; originGroup: number }[];
  /** `team` is an index into `teams`, or null for people outside any team (admins). */
  users: { email: string; fullName: string; role: Role; team: number | null; phone?: string }[];
}

const salesFunnel = {
  name: 'Funil de Vendas',
  stages: [
    { name: 'Novo Lead', color: 'bg-sky-100' },
    { name: 'Qualificação', color: 'bg-indigo-100' },
    { name: 'Proposta', color: 'bg-amber-100' },
    { name: 'Negociação', color: 'bg-orange-100' },
    { name: 'Venda Fechada', color: 'bg-green-100', isWon: true },
    { name: 'Perdido', color: 'bg-red-100' },
  ],
};

const digitalOrigins = {
  name: 'Canais Digitais',
  items: [
    { name: 'Instagram', color: 'bg-pink-100' },
    { name: 'Facebook Ads', color: 'bg-blue-100' },
    { name: 'Google Ads', color: 'bg-yellow-100' },
    { name: 'Site', color: 'bg-zinc-200' },
    { name: 'Indicação', color: 'bg-emerald-100' },
  ],
};

export const DEMO_TENANTS: DemoTenant[] = [
  {
    name: 'Demo',
    slug: 'demo',
    plan: 'pro',
    attendances: 5000,
    randomSeed: 2026,
    funnels: [
      salesFunnel,
      {
        name: 'Funil Pós-venda',
        stages: [
          { name: 'Onboarding', color: 'bg-cyan-100' },
          { name: 'Suporte', color: 'bg-violet-100' },
          { name: 'Renovação', color: 'bg-lime-100', isWon: true },
          { name: 'Cancelado', color: 'bg-rose-100' },
        ],
      },
    ],
    originGroups: [
      digitalOrigins,
      {
        name: 'Eventos e Parcerias',
        items: [
          { name: 'Feira', color: 'bg-purple-100' },
          { name: 'Webinar', color: 'bg-teal-100' },
          { name: 'Parceiro', color: 'bg-stone-200' },
        ],
      },
    ],
    teams: [
      { name: 'Equipe Alpha', funnel: 0, originGroup: 0 },
      { name: 'Equipe Beta', funnel: 1, originGroup: 1 },
    ],
    users: [
      { email: 'admin@demo.fasto.app', fullName: 'Ana Administradora', role: Role.Admin, team: null },
      { email: 'manager@demo.fasto.app', fullName: 'Marcos Gerente', role: Role.Manager, team: 0 },
      { email: 'agent@demo.fasto.app', fullName: 'Alice Atendente', role: Role.Agent, team: 0 },
      { email: 'bruno@demo.fasto.app', fullName: 'Bruno Souza', role: Role.Agent, team: 0 },
      { email: 'carla@demo.fasto.app', fullName: 'Carla Lima', role: Role.Agent, team: 0 },
      { email: 'manager.beta@demo.fasto.app', fullName: 'Beatriz Gerente', role: Role.Manager, team: 1 },
      { email: 'diego@demo.fasto.app', fullName: 'Diego Ramos', role: Role.Agent, team: 1 },
      { email: 'elisa@demo.fasto.app', fullName: 'Elisa Martins', role: Role.Agent, team: 1 },
      { email: 'fabio@demo.fasto.app', fullName: 'Fábio Costa', role: Role.Agent, team: 1 },
    ],
  },
  {
    name: 'Acme',
    slug: 'acme',
    plan: 'starter',
    attendances: 800,
    randomSeed: 1999,
    funnels: [salesFunnel],
    originGroups: [digitalOrigins],
    teams: [{ name: 'Time Comercial', funnel: 0, originGroup: 0 }],
    users: [
      { email: 'admin@acme.fasto.app', fullName: 'Alberto Acme', role: Role.Admin, team: null },
      { email: 'manager@acme.fasto.app', fullName: 'Mariana Acme', role: Role.Manager, team: 0 },
      { email: 'agent@acme.fasto.app', fullName: 'Pedro Acme', role: Role.Agent, team: 0 },
      { email: 'julia@acme.fasto.app', fullName: 'Júlia Acme', role: Role.Agent, team: 0 },
    ],
  },
];

/** How far back the generated history goes. */
export const DEMO_HISTORY_DAYS = 120;
