// The official MCP TypeScript SDK through Session Ledger's mcp-gateway, against the reference
// server @modelcontextprotocol/server-everything (Streamable HTTP), compared with the same calls
// straight to that server; then the session read back through Metorial's SDK.
//
// Starts server-everything on a free local port, registers it as a provider (ADMIN_TOKEN), runs one
// client session straight to it and one through the gateway (tools/list, tools/call echo, a tool
// that streams progress notifications, resources/list and read, prompts/list and get, the DELETE
// that ends the session), and checks that the two saw the same, that another tenant's token finds
// no such provider, and that the ledger shows the session ended, its client and provider
// participants and every message of both directions in the order it passed, typed, with its
// method. One line per check; exit code 1 when any check failed.
//
//   BASE_URL     the ledger's APIs: the local stack's router (default http://localhost:8080)
//   MCP_URL      where /mcp/{provider_id} is served (default http://localhost:8084, mcp-gateway's own port)
//   ADMIN_TOKEN, OTHER_TOKEN  bearer tokens; those not set are read from the tokens file the local
//                stack writes: $TOKENS_FILE, else $LOCAL_DATA_DIR/tokens.env, else .local/tokens.env
//   DEBUG=1      print every message the clients sent and received
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { checkRunner, jsonRequest as http, readTokens } from '../lib/checks.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const MCP_URL = (process.env.MCP_URL || 'http://localhost:8084').replace(/\/$/, '');
const DEBUG = process.env.DEBUG === '1';
const CLIENT = { name: 'sdk-check-mcp', version: '1.0.0' };
const RECORDING_WAIT_MS = 15000;

const checks = checkRunner(e => e instanceof assert.AssertionError
  ? e.message.split('\n').slice(0, 16).join(' | ')
  : (e?.stack?.split('\n').slice(0, 3).join(' ') ?? String(e)));
const { check } = checks;

function freePort() {
  return new Promise((resolve, reject) => {
    let server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      let { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// server-everything's own launcher, with its streamableHttp transport; resolves once it listens.
async function startEverything() {
  let port = await freePort();
  let main = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js');
  let child = spawn(process.execPath, [main, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  await new Promise((resolve, reject) => {
    let timer = setTimeout(() => reject(new Error(`server-everything did not listen within 20 s: ${output}`)), 20000);
    let seen = chunk => {
      output += chunk;
      if (output.includes(`listening on port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`server-everything exited with ${code}: ${output}`));
    });
  });
  child.removeAllListeners('exit');
  return { url: `http://127.0.0.1:${port}/mcp`, stop: () => child.kill('SIGTERM') };
}

// A message as it is written on the wire (no undefined members), apart from the object the SDK goes on using.
const asSent = message => JSON.parse(JSON.stringify(message));

// A transport that keeps every JSON-RPC message its client sent and received, in the order they passed.
function wiretapped(transport, passed) {
  let send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    passed.push({ sender: 'client', payload: asSent(message) });
    return send(message, options);
  };
  let handler;
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => handler,
    set: h => {
      handler = h && ((message, extra) => {
        passed.push({ sender: 'server', payload: asSent(message) });
        return h(message, extra);
      });
    }
  });
  return transport;
}

// One whole client session against url: every call a user makes, what came back, and what passed.
async function session(url, token) {
  let passed = [];
  let transport = wiretapped(new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined
  }), passed);
  let client = new Client(CLIENT);
  let seen = { passed, progress: [], timings: [] };
  let timed = async (name, call) => {
    let started = performance.now();
    let result = await call();
    seen.timings.push(`${name} ${Math.round(performance.now() - started)}`);
    return result;
  };
  try {
    await timed('initialize', () => client.connect(transport));
    seen.sessionId = transport.sessionId;
    seen.serverVersion = client.getServerVersion();
    seen.serverCapabilities = client.getServerCapabilities();
    seen.instructions = client.getInstructions();
    seen.tools = await timed('tools/list', () => client.listTools());
    seen.echo = await timed('echo', () => client.callTool({ name: 'echo', arguments: { message: 'hello through the ledger' } }));
    seen.longRunning = await timed('long-running (1 s)', () => client.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 } },
      undefined,
      { onprogress: p => seen.progress.push(p) }
    ));
    seen.resources = await timed('resources/list', () => client.listResources());
    seen.resourceTemplates = await timed('resources/templates/list', () => client.listResourceTemplates());
    // A static document: the dynamic ones say when they were made.
    seen.resourceUri = seen.resources.resources.find(r => r.uri.includes('/static/'))?.uri ?? seen.resources.resources[0]?.uri;
    seen.resource = await timed('resources/read', () => client.readResource({ uri: seen.resourceUri }));
    seen.prompts = await timed('prompts/list', () => client.listPrompts());
    seen.prompt = await timed('prompts/get', () => client.getPrompt({ name: 'simple-prompt' }));
    await timed('DELETE', () => transport.terminateSession());
  } finally {
    await client.close();
  }
  if (DEBUG) {
    console.log(`--- ${url}`);
    for (let p of passed) console.log(`  ${p.sender} ${JSON.stringify(p.payload)}`);
  }
  return seen;
}

const withoutIds = passed => passed.map(({ sender, payload }) => {
  let { id, ...rest } = payload;
  return { sender, payload: rest };
});

// What the ledger should say of a message: its type, and its method (a response's is its request's).
function expected(passed) {
  let requested = new Map();
  return passed.map(({ sender, payload }) => {
    if ('method' in payload) {
      if ('id' in payload) requested.set(`${sender} ${JSON.stringify(payload.id)}`, payload.method);
      return { sender, type: 'id' in payload ? 'request' : 'notification', method: payload.method, payload };
    }
    let requester = sender === 'client' ? 'server' : 'client';
    return {
      sender,
      type: 'error' in payload ? 'error' : 'response',
      method: requested.get(`${requester} ${JSON.stringify(payload.id)}`),
      payload
    };
  });
}

const shape = m => `${m.sender.type} ${m.type} ${m.mcpMessage?.method}`;

async function poll(ask, done) {
  let deadline = Date.now() + RECORDING_WAIT_MS;
  let answer = await ask();
  while (!done(answer) && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 200));
    answer = await ask();
  }
  return answer;
}

async function allMessages(metorial, sessionId) {
  let items = [];
  let after;
  for (;;) {
    let page = await metorial.sessions.messages.list(sessionId, { limit: 10, order: 'asc', ...(after ? { after } : {}) });
    items.push(...page.items);
    if (!page.pagination.hasMoreAfter || page.items.length === 0) return items;
    after = page.items[page.items.length - 1].id;
  }
}

async function main() {
  let metorialSdk;
  try {
    metorialSdk = await import('../metorial/sdk.mjs');
  } catch (e) {
    throw new Error(`Metorial's SDK is not installed: run npm ci in sdk-checks/metorial too (${e.message.split('\n')[0]})`);
  }
  let tokens = readTokens(['ADMIN_TOKEN', 'OTHER_TOKEN']);
  let { metorial, participants } = metorialSdk.createClients({ apiKey: tokens.ADMIN_TOKEN, apiHost: BASE_URL });
  let everything = await startEverything();
  console.log(`server-everything on ${everything.url}; ledger ${BASE_URL}; mcp-gateway ${MCP_URL}`);
  let s = {};
  try {
    await check('register server-everything as a provider (POST /providers)', [], async () => {
      let created = await http('POST', `${BASE_URL}/providers`, tokens.ADMIN_TOKEN, { name: 'server-everything', upstream_url: everything.url });
      assert.equal(created.status, 201, `POST /providers answered ${created.status} ${JSON.stringify(created.body)}`);
      assert.match(created.body.id, /^pro_/);
      s.provider = created.body.id;
      return s.provider;
    });

    await check('the SDK client, straight to server-everything', [], async () => {
      let started = Date.now();
      s.direct = await session(everything.url);
      return `${s.direct.passed.length} messages in ${Date.now() - started} ms; ms per call: ${s.direct.timings.join(', ')}`;
    });

    const through = 'the SDK client, through the ledger (/mcp/{provider_id})';
    await check(through, ['register server-everything as a provider (POST /providers)'], async () => {
      let started = Date.now();
      s.through = await session(`${MCP_URL}/mcp/${s.provider}`, tokens.ADMIN_TOKEN);
      assert.match(s.through.sessionId ?? '', /^ses_/, `Mcp-Session-Id is the ledger's session: ${s.through.sessionId}`);
      return `session ${s.through.sessionId}, ${s.through.passed.length} messages in ${Date.now() - started} ms; ms per call: ${s.through.timings.join(', ')}`;
    });

    const both = ['the SDK client, straight to server-everything', through];
    await check('same server, capabilities and instructions', both, async () => {
      assert.deepEqual(s.through.serverVersion, s.direct.serverVersion);
      assert.deepEqual(s.through.serverCapabilities, s.direct.serverCapabilities);
      assert.equal(s.through.instructions, s.direct.instructions);
      return `${s.through.serverVersion.name} ${s.through.serverVersion.version}`;
    });
    await check('tools/list: same tools', both, async () => {
      assert.deepEqual(s.through.tools, s.direct.tools);
      assert.ok(s.through.tools.tools.some(t => t.name === 'echo'), 'echo is listed');
      return `${s.through.tools.tools.length} tools`;
    });
    await check('tools/call echo: same result', both, async () => {
      assert.deepEqual(s.through.echo, s.direct.echo);
      assert.equal(s.through.echo.content[0].text, 'Echo: hello through the ledger');
      return s.through.echo.content[0].text;
    });
    await check('tools/call trigger-long-running-operation: same progress notifications, then the same result', both, async () => {
      assert.deepEqual(s.through.longRunning, s.direct.longRunning);
      assert.deepEqual(s.through.progress, s.direct.progress);
      assert.deepEqual(s.through.progress.map(p => p.progress), [1, 2, 3]);
      return `progress ${s.through.progress.map(p => `${p.progress}/${p.total}`).join(' ')}`;
    });
    await check('resources/list, resources/templates/list, resources/read: same', both, async () => {
      assert.deepEqual(s.through.resources, s.direct.resources);
      assert.deepEqual(s.through.resourceTemplates, s.direct.resourceTemplates);
      assert.deepEqual(s.through.resource, s.direct.resource);
      return `read ${s.through.resourceUri}`;
    });
    await check('prompts/list, prompts/get: same', both, async () => {
      assert.deepEqual(s.through.prompts, s.direct.prompts);
      assert.deepEqual(s.through.prompt, s.direct.prompt);
      return `${s.through.prompts.prompts.length} prompts`;
    });
    await check('every message both ways is the same as straight to the server (but the session\'s own ids)', both, async () => {
      assert.deepEqual(withoutIds(s.through.passed), withoutIds(s.direct.passed));
      return `${s.through.passed.length} messages`;
    });

    await check('another tenant\'s token: 404 for the provider, at the gateway and at the API', ['register server-everything as a provider (POST /providers)'], async () => {
      let initialize = await http('POST', `${MCP_URL}/mcp/${s.provider}`, tokens.OTHER_TOKEN, {
        jsonrpc: '2.0', id: 1, method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'other-tenant', version: '1.0.0' } }
      }, { Accept: 'application/json, text/event-stream' });
      assert.equal(initialize.status, 404, `the gateway answered ${initialize.status} ${JSON.stringify(initialize.body)}`);
      assert.equal(initialize.body?.id, 1, `a JSON-RPC error for request 1: ${JSON.stringify(initialize.body)}`);
      assert.ok(initialize.body?.error, 'a JSON-RPC error');
      let read = await http('GET', `${BASE_URL}/providers/${s.provider}`, tokens.OTHER_TOKEN);
      assert.equal(read.status, 404, `GET /providers/{id} answered ${read.status}`);
      return `gateway: ${initialize.body.error.message}`;
    });

    await check('Metorial SDK: sessions.get shows the session ended after DELETE', [through], async () => {
      let got = await poll(() => metorial.sessions.get(s.through.sessionId), g => g.status === 'ended');
      assert.equal(got.id, s.through.sessionId);
      assert.equal(got.status, 'ended', `status ${got.status}`);
      assert.equal(got.connectionStatus, 'disconnected', `connection_status ${got.connectionStatus}`);
      return `${got.status}, ${got.connectionStatus}`;
    });

    const parts = 'Metorial SDK: participants.list({sessionId}) shows the client and the provider';
    await check(parts, [through], async () => {
      let page = await participants.list({ sessionId: s.through.sessionId, limit: 10 });
      let byType = Object.fromEntries(page.items.map(p => [p.type, p]));
      assert.equal(page.items.length, 2, `participants: ${JSON.stringify(page.items)}`);
      assert.equal(byType.mcp_client?.identifier, CLIENT.name, 'the client participant from clientInfo');
      assert.equal(byType.mcp_client?.data?.version, CLIENT.version, 'its clientInfo.version');
      assert.equal(byType.provider?.providerId, s.provider, 'the provider participant');
      s.participants = byType;
      return `${byType.mcp_client.id} (${byType.mcp_client.identifier}), ${byType.provider.id} (${byType.provider.providerId})`;
    });

    await check('Metorial SDK: sessions.messages.list shows every message of both directions, in order, typed, with its method', [through, parts], async () => {
      let want = expected(s.through.passed);
      let got = await poll(() => allMessages(metorial, s.through.sessionId), items => items.length >= want.length);
      assert.equal(got.length, want.length,
        `recorded ${got.length} of ${want.length}: ${got.map(shape).join(', ')} | passed: ${want.map(w => `${w.sender} ${w.type} ${w.method}`).join(', ')}`);
      let serverSession = got[0].serverSessionId;
      assert.match(serverSession ?? '', /^spr_/);
      want.forEach((w, i) => {
        let m = got[i];
        let at = `message ${i} (${shape(m)}, passed as ${w.sender} ${w.type} ${w.method})`;
        assert.equal(m.sender.type, w.sender, `${at}: sender`);
        assert.equal(m.type, w.type, `${at}: type`);
        assert.equal(m.mcpMessage.method, w.method, `${at}: method`);
        assert.deepEqual(m.mcpMessage.payload, w.payload, `${at}: payload`);
        assert.equal(m.sessionId, s.through.sessionId, `${at}: session`);
        assert.equal(m.serverSessionId, serverSession, `${at}: server session`);
        let participant = s.participants[w.sender === 'client' ? 'mcp_client' : 'provider'];
        assert.equal(m.sender.id, participant.id, `${at}: sender id is the ${participant.type} participant`);
      });
      assert.ok(!JSON.stringify(got).includes(tokens.ADMIN_TOKEN), 'the ledger\'s token is not in a recorded message');
      return `${got.length} messages: ${got.map(m => `${m.sender.type[0]}:${m.mcpMessage.method}${m.type === 'response' ? '>' : ''}`).join(' ')}`;
    });
  } finally {
    everything.stop();
  }
  console.log(`\n${checks.summary()}`);
  process.exit(checks.failures ? 1 : 0);
}

main().catch(e => {
  console.error(`FAIL ${e.message}`);
  process.exit(1);
});
