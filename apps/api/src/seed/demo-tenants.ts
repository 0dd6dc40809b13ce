import { Role, type TenantPlan } from '@fasto/contracts';

/** The shape of a demo organization; ids are generated at seed time. */
export interface DemoTenant {
  name: string;
  slug: string;
  plan: TenantPlan;
  attendances: number;
  randomSeed: number;
  funnels: { name: string; stages: { name: string; color: string; isWon?: boolean }[] }[];
  originGroups: { name: string; items: { name: string; color: string }[] }[];
  /** `funnel`/`originGroup` are indexes into the lists above. */
  teams: { name: string; funnel: number; originGroup: number }[];
  /** `team` is an index into `teams`, or null for people outside any team (admins). */
  users: { email: string; fullName: string; role: Role; team: number | null; phone?: string }[];
}

// Mid shades: distinct from each other and readable on both themes' cards (issue 19).
const salesFunnel = {
  name: 'Funil de Vendas',
  stages: [
    { name: 'Novo Lead', color: 'bg-sky-500' },
    { name: 'Qualificação', color: 'bg-indigo-500' },
    { name: 'Proposta', color: 'bg-amber-500' },
    { name: 'Negociação', color: 'bg-orange-500' },
    { name: 'Venda Fechada', color: 'bg-green-500', isWon: true },
    { name: 'Perdido', color: 'bg-red-500' },
  ],
};

const digitalOrigins = {
  name: 'Canais Digitais',
  items: [
    { name: 'Instagram', color: 'bg-pink-500' },
    { name: 'Facebook Ads', color: 'bg-blue-500' },
    { name: 'Google Ads', color: 'bg-yellow-500' },
    { name: 'Site', color: 'bg-orange-500' },
    { name: 'Indicação', color: 'bg-emerald-500' },
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
          { name: 'Onboarding', color: 'bg-cyan-500' },
          { name: 'Suporte', color: 'bg-violet-500' },
          { name: 'Renovação', color: 'bg-lime-500', isWon: true },
          { name: 'Cancelado', color: 'bg-rose-500' },
        ],
      },
    ],
    originGroups: [
      digitalOrigins,
      {
        name: 'Eventos e Parcerias',
        items: [
          { name: 'Feira', color: 'bg-purple-500' },
          { name: 'Webinar', color: 'bg-teal-500' },
          { name: 'Parceiro', color: 'bg-red-500' },
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
