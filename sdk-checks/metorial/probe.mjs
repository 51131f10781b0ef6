// Shows exactly what Metorial's SDK sends and how it maps answers: starts a tiny local HTTP server
// that records every request and answers with canned Metorial-shaped bodies, runs the SDK calls
// against it and prints method, URL (raw and decoded), headers and the mapped results.
// Needs no running stack: `node probe.mjs`.
import http from 'node:http';
import { createClients } from './sdk.mjs';

const participant = {
  object: 'session.participant',
  id: 'spt_probe',
  type: 'mcp_client',
  identifier: 'sdk-check-client',
  name: 'SDK Check Client',
  data: { identifier: 'sdk-check-client', name: 'SDK Check Client', version: '1.0.0' },
  provider_id: null,
  created_at: '2025-09-15T10:30:00.000Z',
  extra_field: 'kept as is'
};
const message = {
  object: 'session.message',
  id: 'smg_probe',
  type: 'request',
  sender: { object: 'session.message.sender', type: 'client', id: 'spt_probe' },
  mcp_message: {
    object: 'session.message.mcp_message',
    method: 'tools/list',
    payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' }
  },
  session_id: 'ses_probe',
  server_session_id: 'spr_probe',
  created_at: '2025-09-15T10:30:00.000Z'
};
const session = {
  object: 'session',
  id: 'ses_probe',
  status: 'active',
  metadata: {},
  created_at: '2025-09-15T10:30:00.000Z',
  updated_at: 'not a date'
};
const page = items => ({ items, pagination: { has_more_before: false, has_more_after: true } });

let requests = [];
let server = http.createServer((req, res) => {
  requests.push({ method: req.method, url: req.url, headers: req.headers });
  let path = req.url.split('?')[0];
  let body;
  let status = 200;
  if (path === '/session-participants') body = page([participant]);
  else if (path.startsWith('/session-participants/')) body = participant;
  else if (/^\/sessions\/[^/]+\/messages$/.test(path)) body = page([message]);
  else if (/^\/sessions\/[^/]+\/messages\/[^/]+$/.test(path)) body = message;
  else if (path === '/sessions') body = page([session]);
  else if (path === '/sessions/ses_missing') {
    status = 404;
    body = {
      __typename: 'error', ok: false, status: 404, code: 'not_found',
      message: 'The requested session could not be found', entity: 'session', id: 'ses_missing'
    };
  } else if (path === '/sessions/ses_text') {
    res.writeHead(502, { 'content-type': 'text/plain' });
    return res.end('Bad Gateway');
  } else if (path.startsWith('/sessions/')) body = session;
  else {
    status = 404;
    body = { __typename: 'error', ok: false, status: 404, code: 'not_found', message: 'no route' };
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
let base = `http://127.0.0.1:${server.address().port}`;

async function show(label, fn) {
  requests = [];
  let result;
  try {
    result = await fn();
  } catch (e) {
    result = { thrown: e.constructor.name, message: e.message, code: e.code, response: e.response };
  }
  for (let r of requests) {
    console.log(`\n### ${label}`);
    console.log(`${r.method} ${r.url}`);
    console.log(`decoded: ${decodeURIComponent(r.url)}`);
    let h = r.headers;
    console.log(`authorization: ${h.authorization}; metorial-version: ${h['metorial-version']}; content-type: ${h['content-type'] ?? '-'}`);
  }
  console.log('result:', JSON.stringify(result, (k, v) => v, 0));
  if (result && typeof result === 'object') {
    let dates = [];
    let walk = (o, p) => {
      if (o instanceof Date) dates.push(p);
      else if (o && typeof o === 'object') for (let k of Object.keys(o)) walk(o[k], p ? `${p}.${k}` : k);
    };
    walk(result, '');
    if (dates.length) console.log('Date objects at:', dates.join(', '));
  }
}

// A base URL with a path keeps that path as prefix (nothing else is added):
let { metorial, participants } = createClients({ apiKey: 'sk_probe', apiHost: base });
let prefixed = createClients({ apiKey: 'sk_probe', apiHost: `${base}/some/prefix/` });

await show('sessions.list()', () => metorial.sessions.list());
await show('sessions.list({limit, order, after, before, cursor})', () =>
  metorial.sessions.list({ limit: 10, order: 'desc', after: 'ses_a', before: 'ses_b', cursor: 'abc' }));
await show('sessions.get(id)', () => metorial.sessions.get('ses_probe'));
await show('sessions.get(id) with apiHost having a path prefix', () => prefixed.metorial.sessions.get('ses_probe'));
await show('sessions.messages.list(sessionId)', () => metorial.sessions.messages.list('ses_probe'));
await show('sessions.messages.list(sessionId, {limit, order, serverSessionId: [..], serverRunId})', () =>
  metorial.sessions.messages.list('ses_probe', {
    limit: 5, order: 'asc', serverSessionId: ['spr_1', 'spr_2'], serverRunId: 'srr_1'
  }));
await show('sessions.messages.list(sessionId, {type:[..], session_provider_id:[..], provider_run_id}) (keys not in the SDK type pass through)', () =>
  metorial.sessions.messages.list('ses_probe', {
    type: ['request', 'response'], session_provider_id: ['spr_1', 'spr_2'], provider_run_id: 'srr_1'
  }));
await show('sessions.messages.get(sessionId, messageId)', () => metorial.sessions.messages.get('ses_probe', 'smg_probe'));
await show('participants.list()', () => participants.list());
await show('participants.list({sessionId}) (single value)', () => participants.list({ sessionId: 'ses_probe' }));
await show('participants.list({type:[..], id:[..], sessionId:[..], sessionConnectionId, sessionMessageId, limit, order, after, before, cursor})', () =>
  participants.list({
    type: ['mcp_client', 'provider'], id: ['spt_1', 'spt_2'], sessionId: ['ses_1', 'ses_2'],
    sessionConnectionId: 'sco_1', sessionMessageId: ['smg_1'],
    limit: 20, order: 'desc', after: 'spt_a', before: 'spt_b', cursor: 'c1'
  }));
await show('participants.list({created_at: {gt: Date, lte: Date}, updated_at: {gte: string, lt: string}}) (date ranges are not in the SDK query mapper; snake_case keys pass through)', () =>
  participants.list({
    created_at: { gt: new Date('2025-01-01T00:00:00Z'), lte: new Date('2025-12-31T23:59:59.999Z') },
    updated_at: { gte: '2025-02-01T00:00:00Z', lt: '2025-03-01T00:00:00Z' }
  }));
await show('participants.list({createdAt: {gte: Date}}) (camelCase is NOT renamed for date ranges)', () =>
  participants.list({ createdAt: { gte: new Date('2025-01-01T00:00:00Z') } }));
await show('participants.get(id)', () => participants.get('spt_probe'));
await show('error: 404 with Metorial error body', () => metorial.sessions.get('ses_missing'));
await show('error: non-JSON body', () => metorial.sessions.get('ses_text'));

server.close();
