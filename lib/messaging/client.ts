// The extension pages' client (options, console): every request of the protocol. The content
// script uses panel-client.ts instead, which carries only its own requests' schemas.
import { type RequestBody, type RequestResult, type RequestType, requests } from './protocol';
import { sendRequest } from './send-request';

export { RequestError } from './request-error';

export async function request<K extends RequestType>(type: K, body: RequestBody<K>): Promise<RequestResult<K>> {
  return (await sendRequest(type, body, requests[type].result)) as RequestResult<K>;
}
