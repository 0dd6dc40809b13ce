import type { INodeProperties } from 'n8n-workflow';

const forAttendance = (...operation: string[]) => ({ show: { resource: ['attendance'], operation } });
const writing = forAttendance('upsert', 'upsertMany');

export const attendanceOperations: INodeProperties = {
  displayName: 'Operation',
  name: 'operation',
  type: 'options',
  noDataExpression: true,
  displayOptions: { show: { resource: ['attendance'] } },
  options: [
    {
      name: 'Create or Update',
      value: 'upsert',
      action: 'Create or update an attendance',
      description: 'One request per item; the external ID makes a repeated item update the same attendance',
    },
    {
      name: 'Create or Update Many',
      value: 'upsertMany',
      action: 'Create or update many attendances',
      description: 'All items in batch requests of up to 500; one result per item',
    },
    {
      name: 'Get Changes',
      value: 'getChanges',
      action: 'Get changed attendances',
      description: 'Attendances changed or deleted since an instant, oldest change first',
    },
  ],
  default: 'upsert',
};

export const attendanceFields: INodeProperties[] = [
  {
    displayName: 'External ID',
    name: 'externalId',
    type: 'string',
    required: true,
    default: '',
    description: 'Your ID of the conversation: sending it again updates the same attendance (or changes nothing) instead of adding one',
    displayOptions: writing,
  },
  {
    displayName: 'Attended At',
    name: 'attendedAt',
    type: 'string',
    required: true,
    default: '={{ $now.toISO() }}',
    description: 'When the conversation happened, ISO 8601 with its offset (e.g. 2026-03-10T12:00:00-03:00)',
    displayOptions: writing,
  },
  {
    displayName: 'Agent Name or ID',
    name: 'agentId',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getAgents' },
    default: '',
    description:
      'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Or leave empty and set Agent Email.',
    displayOptions: writing,
  },
  {
    displayName: 'Stage Name or ID',
    name: 'stageId',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getStages' },
    default: '',
    description:
      'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Or leave empty and set Stage Name.',
    displayOptions: writing,
  },
  {
    displayName: 'Origin Name or ID',
    name: 'originId',
    type: 'options',
    typeOptions: { loadOptionsMethod: 'getOrigins' },
    default: '',
    description:
      'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Or leave empty and set Origin Name.',
    displayOptions: writing,
  },
  {
    displayName: 'Additional Fields',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: writing,
    options: [
      {
        displayName: 'Agent Email',
        name: 'agent_email',
        type: 'string',
        placeholder: 'name@email.com',
        default: '',
        description: 'Used when no agent is chosen',
      },
      {
        displayName: 'Channel',
        name: 'channel',
        type: 'options',
        default: 'whatsapp',
        options: [
          { name: 'WhatsApp', value: 'whatsapp' },
          { name: 'Instagram', value: 'instagram' },
          { name: 'Other', value: 'other' },
        ],
      },
      { displayName: 'Converted', name: 'converted', type: 'boolean', default: false, description: 'Whether the sale closed' },
      { displayName: 'Customer Name', name: 'customer_name', type: 'string', default: '' },
      { displayName: 'Customer Phone', name: 'customer_phone', type: 'string', default: '' },
      { displayName: 'First Response Time (Min)', name: 'first_response_time_min', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
      { displayName: 'Full Summary', name: 'full_summary', type: 'string', typeOptions: { rows: 4 }, default: '' },
      { displayName: 'Handling Time (Min)', name: 'handling_time_min', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
      {
        displayName: 'Origin Name',
        name: 'origin_name',
        type: 'string',
        default: '',
        description: 'Used when no origin is chosen; matched ignoring case and accents',
      },
      { displayName: 'Sale Value', name: 'sale_value', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0 },
      { displayName: 'Score', name: 'score', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 0 },
      {
        displayName: 'Stage Name',
        name: 'stage_name',
        type: 'string',
        default: '',
        description: "Used when no stage is chosen; matched in the agent's team funnel first",
      },
      { displayName: 'Summary', name: 'summary', type: 'string', typeOptions: { rows: 2 }, default: '' },
      { displayName: 'Title', name: 'title', type: 'string', default: '' },
    ],
  },
  {
    displayName: 'Updated Since',
    name: 'updatedSince',
    type: 'string',
    default: '',
    description: 'ISO 8601 instant, inclusive; empty reads every attendance. Start an incremental run a minute before the last stored updated_at.',
    displayOptions: forAttendance('getChanges'),
  },
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
    displayOptions: forAttendance('getChanges'),
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 200 },
    default: 50,
    description: 'Max number of results to return',
    displayOptions: { show: { resource: ['attendance'], operation: ['getChanges'], returnAll: [false] } },
  },
];
