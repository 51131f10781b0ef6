// End-to-end check of Session Ledger's MCP APIs through Metorial's official npm SDK.
//
// Writes a session, a client connection, a provider and two messages through our write API with
// plain fetch, then reads them back through the SDK and compares with what the raw HTTP API says.
// Prints one line per check; exits 1 when any check failed.
//
//   BASE_URL     gateway (default http://localhost:8080)
//   ADMIN_TOKEN  bearer token; if unset, read from the tokens file the local stack writes
//                ($TOKENS_FILE, else $LOCAL_DATA_DIR/tokens.env, else .local/tokens.env at the repository root)
//   DEBUG=1      let the SDK log every request it makes
import assert from 'node:assert/strict';
import { isMetorialSDKError } from '@metorial/util-endpoint';
import { checkRunner, jsonRequest, readTokens } from '../lib/checks.mjs';
import { createClients } from './sdk.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');

const checks = checkRunner(describe);
const { check, warn } = checks;

function describe(e) {
  if (isMetorialSDKError(e)) {
    return `SDK error ${e.response?.status ?? '?'} ${e.code}: ${e.message}${e.response ? ` body=${JSON.stringify(e.response)}` : ''}`;
  }
  if (e instanceof assert.AssertionError) return e.message.split('\n').slice(0, 12).join(' | ');
  if (e instanceof HttpError) return e.message;
  return e?.stack?.split('\n').slice(0, 2).join(' ') ?? String(e);
}

class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url.replace(BASE_URL, '')} -> HTTP ${status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

let token;
async function http(method, urlPath, body) {
  let url = BASE_URL + urlPath;
  let res = await jsonRequest(method, url, token, body);
  if (!res.ok) throw new HttpError(method, url, res.status, res.body);
  return res.body;
}

const isDate = v => v instanceof Date && !isNaN(v.getTime());
const PAGE_KEYS = ['hasMoreBefore', 'hasMoreAfter'];

// The SDK maps snake_case to camelCase and created_at to a Date; everything else passes through.
function assertParticipantMatches(sdk, raw) {
  assert.equal(sdk.object, raw.object, 'object');
  assert.equal(sdk.object, 'session.participant', 'object value');
  assert.equal(sdk.id, raw.id, 'id');
  assert.equal(sdk.type, raw.type, 'type');
  assert.equal(sdk.identifier, raw.identifier, 'identifier');
  assert.equal(sdk.name, raw.name, 'name');
  assert.deepEqual(sdk.data, raw.data, 'data');
  assert.ok('provider_id' in raw, 'raw object has provider_id (null when none)');
  assert.equal(sdk.providerId, raw.provider_id, 'provider_id -> providerId');
  assert.ok(isDate(sdk.createdAt), `createdAt is a Date (raw created_at=${JSON.stringify(raw.created_at)})`);
  assert.equal(sdk.createdAt.getTime(), Date.parse(raw.created_at), 'created_at');
  let expected = ['object', 'id', 'type', 'identifier', 'name', 'data', 'providerId', 'createdAt'];
  let extra = Object.keys(sdk).filter(k => !expected.includes(k));
  assert.deepEqual(extra, [], 'no fields beyond the documented participant object');
}

function assertMessageMatches(sdk, raw) {
  assert.equal(sdk.object, 'session.message', 'object');
  assert.equal(sdk.id, raw.id, 'id');
  assert.equal(sdk.type, raw.type, 'type');
  assert.deepEqual(sdk.sender, raw.sender, 'sender');
  assert.equal(sdk.sender.object, 'session.message.sender', 'sender.object');
  assert.equal(sdk.mcpMessage?.object, 'session.message.mcp_message', 'mcp_message.object');
  assert.equal(sdk.mcpMessage.method, raw.mcp_message.method, 'mcp_message.method');
  assert.deepEqual(sdk.mcpMessage.payload, raw.mcp_message.payload, 'mcp_message.payload');
  assert.equal(sdk.sessionId, raw.session_id, 'session_id -> sessionId');
  assert.equal(sdk.serverSessionId, raw.server_session_id, 'server_session_id -> serverSessionId');
  assert.ok(isDate(sdk.createdAt), `createdAt is a Date (raw created_at=${JSON.stringify(raw.created_at)})`);
  assert.equal(sdk.createdAt.getTime(), Date.parse(raw.created_at), 'created_at');
}

function assertPage(page) {
  assert.ok(Array.isArray(page.items), 'items is an array');
  assert.ok(page.pagination && typeof page.pagination === 'object', 'pagination object');
  for (let k of PAGE_KEYS) assert.equal(typeof page.pagination[k], 'boolean', `pagination.${k} is boolean`);
}

async function main() {
  try {
    token = readTokens(['ADMIN_TOKEN']).ADMIN_TOKEN;
  } catch (e) {
    console.log(`FAIL token: ${e.message}`);
    process.exit(1);
  }
  console.log(`Session Ledger x Metorial SDK check against ${BASE_URL}`);
  let { metorial, participants } = createClients({
    apiKey: token,
    apiHost: BASE_URL,
    enableDebugLogging: process.env.DEBUG === '1'
  });
  let s = {};
  const runTag = `sdk-check-${new Date().toISOString()}`;

  // ---- writes, with plain fetch ----
  await check('write: POST /sessions', [], async () => {
    let session = await http('POST', '/sessions', { metadata: { purpose: 'sdk-check', run: runTag } });
    assert.match(session?.id ?? '', /^ses_/, `session id (got ${JSON.stringify(session)})`);
    s.session = session;
    return s.session.id;
  });

  await check('write: POST /sessions/{id}/connections', ['write: POST /sessions'], async () => {
    let connection = await http('POST', `/sessions/${s.session.id}/connections`, {
      transport: 'streamable_http',
      initialize: {
        jsonrpc: '2.0', id: 0, method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'sdk-check-client', title: 'SDK Check Client', version: '1.0.0' }
        }
      }
    });
    assert.match(connection?.participant_id ?? '', /^spt_/, `participant_id (got ${JSON.stringify(connection)})`);
    s.connection = connection;
    return `${connection.id} participant ${connection.participant_id}`;
  });

  await check('write: POST /sessions/{id}/providers', ['write: POST /sessions'], async () => {
    let provider = await http('POST', `/sessions/${s.session.id}/providers`, {
      provider_id: 'pro_sdkcheck', name: 'SDK Check Provider'
    });
    assert.match(provider?.id ?? '', /^spr_/, `session provider id (got ${JSON.stringify(provider)})`);
    assert.match(provider?.participant_id ?? '', /^spt_/, `participant_id (got ${JSON.stringify(provider)})`);
    s.provider = provider;
    return `${provider.id} participant ${provider.participant_id}`;
  });

  const wrote = ['write: POST /sessions/{id}/connections', 'write: POST /sessions/{id}/providers'];
  await check('write: POST /sessions/{id}/messages', wrote, async () => {
    let spr = s.provider.id;
    let out = await http('POST', `/sessions/${s.session.id}/messages`, {
      messages: [
        {
          payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
          sender: { type: 'client', id: s.connection.participant_id },
          server_session_id: spr
        },
        {
          payload: { jsonrpc: '2.0', id: 1, result: { tools: [] } },
          sender: { type: 'server', id: spr },
          server_session_id: spr
        }
      ]
    });
    s.recorded = out;
    return `answer keys: ${out && typeof out === 'object' ? Object.keys(out).join(',') : JSON.stringify(out)}`;
  });

  // ---- reads, through the SDK ----
  await check('sdk: sessions.get(id)', ['write: POST /sessions'], async () => {
    let got = await metorial.sessions.get(s.session.id);
    let raw = await http('GET', `/sessions/${s.session.id}`);
    assert.equal(got.id, s.session.id, 'id');
    assert.equal(got.object, raw.object, 'object');
    assert.ok(isDate(got.createdAt), `createdAt is a Date (raw created_at=${JSON.stringify(raw.created_at)})`);
    if ('updated_at' in raw) assert.ok(isDate(got.updatedAt), 'updatedAt is a Date');
    assert.deepEqual(got.metadata, raw.metadata, 'metadata');
    if (raw.usage) {
      assert.equal(got.usage?.totalProductiveMessageCount, raw.usage.total_productive_message_count, 'usage.totalProductiveMessageCount');
    }
    // Fields the SDK's session type declares (mapped if present, simply absent if not).
    let declared = ['status', 'connection_status', 'client_secret', 'server_deployments', 'usage', 'metadata', 'created_at', 'updated_at'];
    let lacking = declared.filter(k => !(k in raw));
    if (lacking.length) warn('session object vs SDK session type', `our session lacks ${lacking.join(', ')} (the SDK leaves them undefined)`);
    return `object=${got.object} status=${got.status}`;
  });

  await check('sdk: sessions.list({limit, order: desc}) has the new session first', ['write: POST /sessions'], async () => {
    let page = await metorial.sessions.list({ limit: 5, order: 'desc' });
    assertPage(page);
    assert.ok(page.items.length <= 5, 'limit honoured');
    assert.equal(page.items[0]?.id, s.session.id, 'newest session first');
    assert.ok(isDate(page.items[0].createdAt), 'createdAt is a Date');
    return `${page.items.length} items, hasMoreAfter=${page.pagination.hasMoreAfter}`;
  });

  await check('sdk: sessions.messages.list(sessionId, {limit, order}) answers the list envelope', ['write: POST /sessions'], async () => {
    let page = await metorial.sessions.messages.list(s.session.id, { limit: 10, order: 'asc' });
    assertPage(page);
    return `${page.items.length} items`;
  });

  await check('sdk: session-participants list({sessionId}) has client and provider', wrote, async () => {
    let page = await participants.list({ sessionId: s.session.id });
    assertPage(page);
    let byId = new Map(page.items.map(p => [p.id, p]));
    assert.ok(byId.has(s.connection.participant_id), `client participant ${s.connection.participant_id} listed (got ${[...byId.keys()]})`);
    assert.ok(byId.has(s.provider.participant_id), `provider participant ${s.provider.participant_id} listed (got ${[...byId.keys()]})`);
    assert.equal(page.items.length, 2, 'exactly the two participants of this session');
    let client = byId.get(s.connection.participant_id);
    let provider = byId.get(s.provider.participant_id);
    assert.equal(client.type, 'mcp_client', 'client type');
    assert.equal(client.identifier, 'sdk-check-client', 'client identifier = clientInfo.name');
    assert.equal(client.name, 'SDK Check Client', 'client name = clientInfo.title');
    assert.deepEqual(client.data, { identifier: 'sdk-check-client', name: 'SDK Check Client', version: '1.0.0' }, 'client data');
    assert.equal(client.providerId, null, 'client providerId is null');
    assert.equal(provider.type, 'provider', 'provider type');
    assert.equal(provider.providerId, 'pro_sdkcheck', 'provider providerId');
    for (let p of page.items) assert.ok(isDate(p.createdAt), 'createdAt is a Date');
    s.participantsPage = page;
    return `${page.items.map(p => `${p.type}:${p.id}`).join(', ')}`;
  });

  for (let [label, key] of [['client', 'connection'], ['provider', 'provider']]) {
    await check(`sdk: session-participants get(${label}) equals the raw API field by field`, wrote, async () => {
      let id = s[key].participant_id;
      let sdk = await participants.get(id);
      let raw = await http('GET', `/session-participants/${id}`);
      assertParticipantMatches(sdk, raw);
      let listed = s.participantsPage?.items.find(p => p.id === id);
      if (listed) assert.deepEqual(listed, sdk, 'listed item equals the single get');
      return `${sdk.type} ${sdk.identifier} created ${sdk.createdAt.toISOString()}`;
    });
  }

  await check('sdk: session-participants list with qs arrays (type[0], session_id[0], id[0..1])', wrote, async () => {
    let page = await participants.list({
      sessionId: [s.session.id],
      type: ['provider'],
      id: [s.provider.participant_id, s.connection.participant_id],
      limit: 10,
      order: 'asc'
    });
    assertPage(page);
    assert.deepEqual(page.items.map(p => p.id), [s.provider.participant_id], 'only the provider participant');
    return 'provider only';
  });

  await check('sdk: session-participants list with created_at[gte]/[lt] Dates', wrote, async () => {
    let raw = await http('GET', `/session-participants/${s.connection.participant_id}`);
    let created = new Date(raw.created_at);
    let inRange = await participants.list({
      sessionId: s.session.id,
      created_at: { gte: new Date(created.getTime() - 1000), lt: new Date(Date.now() + 60_000) }
    });
    assert.ok(inRange.items.some(p => p.id === raw.id), 'participant inside the range is listed');
    let outOfRange = await participants.list({
      sessionId: s.session.id,
      created_at: { gt: new Date(Date.now() + 60_000) }
    });
    assert.equal(outOfRange.items.length, 0, 'nothing created in the future');
    return `${inRange.items.length} in range, ${outOfRange.items.length} after now`;
  });

  await check('sdk: session-participants paging limit=1 then after', wrote, async () => {
    let first = await participants.list({ sessionId: s.session.id, limit: 1 });
    assertPage(first);
    assert.equal(first.items.length, 1, 'one item');
    assert.equal(first.pagination.hasMoreAfter, true, 'hasMoreAfter on page 1');
    let second = await participants.list({ sessionId: s.session.id, limit: 1, after: first.items[0].id });
    assert.equal(second.items.length, 1, 'one item on page 2');
    assert.notEqual(second.items[0].id, first.items[0].id, 'page 2 is another participant');
    assert.equal(second.pagination.hasMoreBefore, true, 'hasMoreBefore on page 2');
    return `${first.items[0].id} then ${second.items[0].id}`;
  });

  const msgs = ['write: POST /sessions/{id}/messages'];
  await check('sdk: sessions.messages.list(sessionId) has request and response', msgs, async () => {
    let page = await metorial.sessions.messages.list(s.session.id);
    let raw = await http('GET', `/sessions/${s.session.id}/messages`);
    assertPage(page);
    assert.equal(page.items.length, 2, 'two messages');
    assert.deepEqual(page.items.map(m => m.type), ['request', 'response'], 'types in order');
    for (let m of page.items) assert.equal(m.mcpMessage.method, 'tools/list', 'method (response carries its request method)');
    assert.deepEqual(page.items.map(m => m.sender.type), ['client', 'server'], 'sender types');
    assert.equal(page.items[0].sender.id, s.connection.participant_id, 'client sender id');
    assert.equal(page.items[1].sender.id, s.provider.id, 'server sender id');
    for (let i = 0; i < 2; i++) {
      assertMessageMatches(page.items[i], raw.items[i]);
      assert.equal(page.items[i].sessionId, s.session.id, 'sessionId');
      assert.equal(page.items[i].serverSessionId, s.provider.id, 'serverSessionId');
    }
    s.messages = page.items;
    return page.items.map(m => `${m.type}:${m.id}`).join(', ');
  });

  await check('sdk: sessions.messages.get(sessionId, id) equals the raw API', ['sdk: sessions.messages.list(sessionId) has request and response'], async () => {
    let id = s.messages[1].id;
    let sdk = await metorial.sessions.messages.get(s.session.id, id);
    let raw = await http('GET', `/sessions/${s.session.id}/messages/${id}`);
    assertMessageMatches(sdk, raw);
    assert.deepEqual(sdk, s.messages[1], 'equals the listed item');
    if (!('id' in raw.mcp_message)) warn('message mcp_message.id', 'the SDK type declares mcp_message.id (the JSON-RPC id); our message has none (seed does not list it)');
    return `${sdk.type} ${sdk.mcpMessage.method}`;
  });

  await check('sdk: sessions.messages.list with type[0]= and session_provider_id[0]= (qs arrays)', msgs, async () => {
    let page = await metorial.sessions.messages.list(s.session.id, {
      type: ['response'],
      session_provider_id: [s.provider.id],
      limit: 10,
      order: 'desc'
    });
    assert.deepEqual(page.items.map(m => m.type), ['response'], 'only the response');
    return 'response only';
  });

  // The SDK's typed message filters are serverSessionId / serverRunId (server_session_id,
  // server_run_id); the seed documents session_provider_id / provider_run_id instead.
  await check('sdk: sessions.messages.list with the SDK typed filter serverSessionId (server_session_id[0]=)', msgs, async () => {
    let none = await metorial.sessions.messages.list(s.session.id, { serverSessionId: ['spr_0000000000000000000001'] });
    if (none.items.length !== 0) {
      warn('sdk typed filter serverSessionId', `server_session_id is ignored by the server: ${none.items.length} messages returned for an unknown server session`);
    }
    return `${none.items.length} items for an unknown server session`;
  });

  await check('sdk: sessions.messages.list paging limit=1 then after', ['sdk: sessions.messages.list(sessionId) has request and response'], async () => {
    let first = await metorial.sessions.messages.list(s.session.id, { limit: 1 });
    assert.deepEqual(first.items.map(m => m.id), [s.messages[0].id], 'page 1 is the request');
    assert.equal(first.pagination.hasMoreAfter, true, 'hasMoreAfter on page 1');
    let second = await metorial.sessions.messages.list(s.session.id, { limit: 1, after: first.items[0].id });
    assert.deepEqual(second.items.map(m => m.id), [s.messages[1].id], 'page 2 is the response');
    assert.equal(second.pagination.hasMoreBefore, true, 'hasMoreBefore on page 2');
    assert.equal(second.pagination.hasMoreAfter, false, 'no page 3');
    return 'request then response';
  });

  await check('sdk: session-participants list({sessionConnectionId}) is the client', wrote, async () => {
    let page = await participants.list({ sessionConnectionId: s.connection.id });
    assert.deepEqual(page.items.map(p => p.id), [s.connection.participant_id], 'the connection\'s participant');
    return s.connection.id;
  });

  await check('sdk: session-participants list({sessionMessageId}) is the sender of each message', ['sdk: sessions.messages.list(sessionId) has request and response'], async () => {
    let ofRequest = await participants.list({ sessionMessageId: s.messages[0].id });
    assert.deepEqual(ofRequest.items.map(p => p.id), [s.connection.participant_id], 'request sent by the client participant');
    let ofResponse = await participants.list({ sessionMessageId: [s.messages[1].id] });
    assert.deepEqual(ofResponse.items.map(p => p.id), [s.provider.participant_id], 'response sent by the provider participant');
    return 'client, provider';
  });

  // ---- errors, as the SDK sees them ----
  await check('sdk: limit=1000 -> MetorialSDKError invalid_data with validationErrors', [], async () => {
    try {
      await participants.list({ limit: 1000 });
    } catch (e) {
      assert.ok(isMetorialSDKError(e), `a MetorialSDKError (got ${e})`);
      assert.equal(e.response.status, 400, `status (body ${JSON.stringify(e.response)})`);
      assert.equal(e.code, 'invalid_data', 'code');
      assert.ok(Array.isArray(e.validationErrors) && e.validationErrors.length > 0, 'validationErrors (errors[])');
      return `${e.code}: ${e.message}`;
    }
    assert.fail('no error thrown');
  });

  await check('sdk: unknown participant -> MetorialSDKError not_found with Metorial error body', [], async () => {
    try {
      await participants.get('spt_0000000000000000000001');
    } catch (e) {
      assert.ok(isMetorialSDKError(e), `a MetorialSDKError (got ${e})`);
      assert.equal(e.response.status, 404, `status (body ${JSON.stringify(e.response)})`);
      assert.equal(e.code, 'not_found', 'code');
      assert.equal(e.response.__typename, 'error', '__typename');
      assert.equal(e.response.ok, false, 'ok');
      assert.equal(e.response.entity, 'session.participant', 'entity (a generic 404 means the route itself is missing)');
      assert.equal(typeof e.message, 'string', 'message');
      return `${e.code}: ${e.message}`;
    }
    assert.fail('no error thrown');
  });

  await check('sdk: bad API key -> MetorialSDKError unauthorized (JSON body, not malformed_response)', [], async () => {
    let bad = createClients({ apiKey: 'not-a-jwt', apiHost: BASE_URL }).metorial;
    try {
      await bad.sessions.list();
    } catch (e) {
      assert.ok(isMetorialSDKError(e), `a MetorialSDKError (got ${e})`);
      assert.equal(e.code, 'unauthorized', `code (body ${JSON.stringify(e.response)})`);
      assert.equal(e.response.status, 401, 'status');
      return `${e.code}: ${e.message}`;
    }
    assert.fail('no error thrown');
  });

  console.log(`\n${checks.summary()}`);
  process.exit(checks.failures ? 1 : 0);
}

main().catch(e => {
  console.log(`FAIL unexpected: ${describe(e)}`);
  process.exit(1);
});
