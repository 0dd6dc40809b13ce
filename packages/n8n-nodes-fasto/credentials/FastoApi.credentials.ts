import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Fasto's address and an organization API key (`fst_…`, created by a Fasto super admin). Fasto
 * reads the key from the `X-Api-Key` header on its integration routes only.
 */
// Fasto's reference lives on each instance (/api/docs) and this package's README; there is no
// public page for n8n's credential help link, and n8n turns a non-URL value into a docs.n8n.io page
// that does not exist, so the field stays out.
// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-missing
export class FastoApi implements ICredentialType {
  name = 'fastoApi';

  displayName = 'Fasto API';

  icon = 'file:../nodes/Fasto/fasto.svg' as const;

  properties: INodeProperties[] = [
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: '',
      placeholder: 'https://fasto.example.com',
      description: 'Address of your Fasto, without /api',
      required: true,
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      placeholder: 'fst_…',
      required: true,
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
  };

  /** The cheapest read the key may make: a wrong address or key fails here, when the credential is saved. */
  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
      url: '/api/integration/origins',
    },
  };
}
