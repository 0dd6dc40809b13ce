import type { INodePropertyOptions } from 'n8n-workflow';

/** The parts of Fasto's `GET /api/integration/{users,funnels,origins}` answers the dropdowns show. */
export interface Agent {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
}
interface Named {
  id: string;
  name: string;
}
export interface Funnel extends Named {
  stages: Named[];
}
export interface OriginGroup extends Named {
  items: Named[];
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export const agentOptions = (agents: Agent[]): INodePropertyOptions[] =>
  agents.map((agent) => ({ name: `${agent.name} <${agent.email}>`, value: agent.id, description: agent.teamName ?? undefined })).sort(byName);

/** Stages keep their funnel order; the funnel name tells same-named stages of two funnels apart. */
export const stageOptions = (funnels: Funnel[]): INodePropertyOptions[] =>
  funnels.flatMap((funnel) => funnel.stages.map((stage) => ({ name: `${funnel.name} › ${stage.name}`, value: stage.id })));

export const originOptions = (groups: OriginGroup[]): INodePropertyOptions[] =>
  groups.flatMap((group) => group.items.map((item) => ({ name: `${group.name} › ${item.name}`, value: item.id })));
