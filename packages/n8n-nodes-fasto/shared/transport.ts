import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

export const CREDENTIAL = 'fastoApi';

type FastoContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/** The credential's address without trailing slashes, so `${base}/api/…` never doubles one. */
export const baseUrlOf = (value: string): string => value.trim().replace(/\/+$/, '');

/** One call to Fasto's integration API with the credential's key (its `authenticate` adds the header). */
export async function fastoRequest<T>(
  this: FastoContext,
  method: IHttpRequestMethods,
  path: string,
  { body, qs }: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<T> {
  const { baseUrl } = await this.getCredentials<{ baseUrl: string }>(CREDENTIAL);
  return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, {
    method,
    url: `${baseUrlOf(baseUrl)}${path}`,
    body,
    qs,
    json: true,
  })) as T;
}
