import {
  NodeApiError,
  type IDataObject,
  type IExecuteFunctions,
  type ILoadOptionsFunctions,
  type INodeExecutionData,
  type INodePropertyOptions,
  type INodeType,
  type INodeTypeDescription,
  type JsonObject,
} from 'n8n-workflow';
import { attendanceBody, chunks, type AttendanceParameters } from '../../shared/attendance';
import { agentOptions, originOptions, stageOptions, type Agent, type Funnel, type OriginGroup } from '../../shared/catalog';
import { CREDENTIAL, fastoRequest } from '../../shared/transport';
import { attendanceFields, attendanceOperations } from './attendance.description';

/** The catalog resources: one `GET /api/integration/<path>` each, one output item per entry. */
const CATALOG: Record<string, string> = { agent: 'users', funnel: 'funnels', origin: 'origins' };

function attendanceParameters(context: IExecuteFunctions, index: number): AttendanceParameters {
  return {
    externalId: context.getNodeParameter('externalId', index) as string,
    attendedAt: context.getNodeParameter('attendedAt', index),
    agentId: context.getNodeParameter('agentId', index, '') as string,
    stageId: context.getNodeParameter('stageId', index, '') as string,
    originId: context.getNodeParameter('originId', index, '') as string,
    additionalFields: context.getNodeParameter('additionalFields', index, {}) as IDataObject,
  };
}

export class Fasto implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Fasto',
    name: 'fasto',
    icon: 'file:fasto.svg',
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Record attendances in Fasto and read its agents, funnels and origins',
    defaults: { name: 'Fasto' },
    usableAsTool: true,
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: CREDENTIAL, required: true }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'Agent', value: 'agent' },
          { name: 'Attendance', value: 'attendance' },
          { name: 'Funnel', value: 'funnel' },
          { name: 'Origin', value: 'origin' },
        ],
        default: 'attendance',
      },
      attendanceOperations,
      {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['agent', 'funnel', 'origin'] } },
        options: [
          {
            name: 'Get Many',
            value: 'getAll',
            action: 'List them',
            description: 'Agents and managers, funnels with their stages, or origin groups with their items',
          },
        ],
        default: 'getAll',
      },
      ...attendanceFields,
    ],
  };

  methods = {
    loadOptions: {
      async getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
        return agentOptions(((await fastoRequest.call(this, 'GET', '/api/integration/users')) as { items: Agent[] }).items);
      },
      async getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
        return stageOptions(((await fastoRequest.call(this, 'GET', '/api/integration/funnels')) as { items: Funnel[] }).items);
      },
      async getOrigins(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
        return originOptions(((await fastoRequest.call(this, 'GET', '/api/integration/origins')) as { items: OriginGroup[] }).items);
      },
    },
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const resource = this.getNodeParameter('resource', 0) as string;
    const operation = this.getNodeParameter('operation', 0) as string;
    try {
      if (resource !== 'attendance') return [await listCatalog(this, CATALOG[resource])];
      if (operation === 'upsertMany') return [await upsertMany(this)];
      if (operation === 'getChanges') return [await changes(this)];
      return [await upsertEach(this)];
    } catch (error) {
      if (error instanceof NodeApiError) throw error;
      throw new NodeApiError(this.getNode(), error as JsonObject);
    }
  }
}

async function listCatalog(context: IExecuteFunctions, path: string): Promise<INodeExecutionData[]> {
  const { items } = (await fastoRequest.call(context, 'GET', `/api/integration/${path}`)) as { items: IDataObject[] };
  return items.map((json) => ({ json, pairedItem: { item: 0 } }));
}

/** One request per item; with "Continue On Fail" a refused item becomes an error item and the rest carry on. */
async function upsertEach(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
  const out: INodeExecutionData[] = [];
  const items = context.getInputData();
  for (let index = 0; index < items.length; index++) {
    try {
      const body = attendanceBody(attendanceParameters(context, index));
      const json = (await fastoRequest.call(context, 'POST', '/api/integration/attendances', { body })) as IDataObject;
      out.push({ json, pairedItem: { item: index } });
    } catch (error) {
      const failure = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject, { itemIndex: index });
      if (!context.continueOnFail()) throw failure;
      out.push({ json: { error: failure.description ?? failure.message }, pairedItem: { item: index } });
    }
  }
  return out;
}

/** Every item in batches of up to 500 (one request each); the output is Fasto's result per item, in order. */
async function upsertMany(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
  const bodies = context.getInputData().map((_, index) => attendanceBody(attendanceParameters(context, index)));
  const out: INodeExecutionData[] = [];
  let offset = 0;
  for (const items of chunks(bodies)) {
    const { results } = (await fastoRequest.call(context, 'POST', '/api/integration/attendances/batch', { body: { items } })) as { results: IDataObject[] };
    results.forEach((json, index) => out.push({ json, pairedItem: { item: offset + index } }));
    offset += items.length;
  }
  return out;
}

/** Follows `next_cursor` until the last page (or the limit); one output item per attendance. */
async function changes(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
  const returnAll = context.getNodeParameter('returnAll', 0) as boolean;
  const limit = returnAll ? Infinity : (context.getNodeParameter('limit', 0) as number);
  const updatedSince = (context.getNodeParameter('updatedSince', 0, '') as string).trim();
  const out: INodeExecutionData[] = [];
  let cursor: string | null = null;
  do {
    const qs: IDataObject = { limit: Math.min(200, limit - out.length) };
    if (updatedSince) qs.updated_since = updatedSince;
    if (cursor) qs.cursor = cursor;
    const page = (await fastoRequest.call(context, 'GET', '/api/integration/attendances', { qs })) as { items: IDataObject[]; next_cursor: string | null };
    for (const json of page.items) out.push({ json, pairedItem: { item: 0 } });
    cursor = page.next_cursor;
  } while (cursor && out.length < limit);
  return out;
}
