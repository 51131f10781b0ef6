// How the check reaches Session Ledger through Metorial's own npm packages, exactly as an SDK user
// would.
//
// - `metorial` (-> @metorial/sdk -> @metorial/core, API version "2025-01-01-pulsar") is the SDK
//   users install. It has sessions.list/get and sessions.messages.list/get
//   (GET /sessions/{id}/messages[/{message_id}]), but no session participants endpoint.
// - Session participants (GET /session-participants[/{id}]) exist only in the generated endpoint
//   classes of @metorial/generated 2.x (flavours mt_2025_01_01_dashboard and
//   mt_2026_01_01_magnetar; both have the same participant mappers). We drive that class with the
//   same endpoint manager the SDK uses (MetorialSDKBuilder from @metorial/util-endpoint), with the
//   same headers the core SDK sends.
import { Metorial } from 'metorial';
import { MetorialSDKBuilder } from '@metorial/util-endpoint';
import { MetorialSessionsParticipantsEndpoint } from '@metorial/generated/src/mt_2025_01_01_dashboard';

export const API_VERSION = '2025-01-01-pulsar';

export function createClients({ apiKey, apiHost, fetch, enableDebugLogging = false }) {
  let metorial = new Metorial({ apiKey, apiHost, fetch, enableDebugLogging });

  let build = MetorialSDKBuilder.create('metorial-public-api', API_VERSION)
    .setGetApiHost(config => config.apiHost)
    .setGetHeaders(config => ({
      Authorization: `Bearer ${config.apiKey}`,
      'Metorial-Version': config.apiVersion
    }))
    .build(soft => ({ ...soft, apiVersion: API_VERSION }));
  let extra = build(manager => ({
    participants: new MetorialSessionsParticipantsEndpoint(manager)
  }))({ apiKey, apiHost, fetch, enableDebugLogging });

  return { metorial, participants: extra.participants };
}
