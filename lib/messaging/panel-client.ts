// The content script's client: only the requests a content script may make (panel-protocol.ts).
import { type PanelRequestBody, type PanelRequestResult, type PanelRequestType, panelRequests } from './panel-protocol';
import { sendRequest } from './send-request';

export async function request<K extends PanelRequestType>(
  type: K,
  body: PanelRequestBody<K>,
): Promise<PanelRequestResult<K>> {
  return (await sendRequest(type, body, panelRequests[type].result)) as PanelRequestResult<K>;
}
