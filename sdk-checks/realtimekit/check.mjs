// Drives every client.realtimeKit.sessions method of the official `cloudflare` SDK against
// Session Ledger. It first records a small meeting through our write API (plain fetch), then
// reads it back through the SDK and checks what comes back. Then the same meeting arrives only as
// RealtimeKit's signed webhooks (a receiver made with a key pair of this script's, chat, transcript
// and summary files served by this script) and reads back through the SDK as the first one did.
// Exits non-zero when a check failed.
//
//   BASE_URL   where the gateway listens (default http://localhost:8080)
//   TOKEN      a bearer token; default: ADMIN_TOKEN from .local/tokens.env (written by deploy/local/run.sh)
//   ACCOUNT_ID the token's tenant (default demo)
//   APP_ID     the RealtimeKit app to record into (default sdk-check)
import { readFileSync } from 'node:fs';
import { randomUUID, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import Cloudflare from 'cloudflare';

const here = dirname(fileURLToPath(import.meta.url));
const baseURL = process.env.BASE_URL ?? 'http://localhost:8080';
const token = process.env.TOKEN ?? tokenFromFile(join(here, '..', '..', '.local', 'tokens.env'));
const account_id = process.env.ACCOUNT_ID ?? 'demo';
const app_id = process.env.APP_ID ?? 'sdk-check';
const prefix = `${baseURL}/accounts/${account_id}/realtime/kit/${app_id}`;

function tokenFromFile(path) {
  const line = readFileSync(path, 'utf8').split('\n').find((l) => l.startsWith('ADMIN_TOKEN='));
  if (!line) throw new Error(`no ADMIN_TOKEN in ${path}; set TOKEN`);
  return line.slice('ADMIN_TOKEN='.length).trim().replace(/^['"]|['"]$/g, '');
}

async function write(method, path, body) {
  const res = await fetch(prefix + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || json.success !== true) {
    throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  }
  return json.data;
}

// One fixed clock for the whole meeting, so its durations come out exact.
const recordedAt = Math.floor(Date.now() / 1000) * 1000;
const minutesAgo = (m) => new Date(recordedAt - m * 60_000).toISOString();

// --- Record a meeting: two peers, chat, transcript, a peer report; one leaves, then it ends. ---
const meeting = `sdk-check-${randomUUID().slice(0, 8)}`;
const session = await write('POST', '/sessions', {
  associated_id: meeting, meeting_display_name: 'SDK check meeting', started_at: minutesAgo(30),
});
const ada = (await write('POST', `/sessions/${session.id}/participants`, {
  display_name: 'Ada', user_id: 'u-ada', custom_participant_id: 'cp-ada', preset_name: 'host',
  preset_view_type: 'GROUP_CALL', joined_at: minutesAgo(30),
})).participant;
const bob = (await write('POST', `/sessions/${session.id}/participants`, {
  display_name: 'Bob', user_id: 'u-bob', joined_at: minutesAgo(20),
})).participant;
await write('POST', `/sessions/${session.id}/chat`, { messages: [
  { participant_id: ada.id, payload: 'Hello from the SDK check' },
  { participant_id: bob.id, payload: 'Hi Ada, agenda is billing' },
] });
await write('POST', `/sessions/${session.id}/transcript`, { segments: [
  { participant_id: ada.id, start_ms: 1000, end_ms: 4000, text: 'Welcome, today we review the billing migration plan.' },
  { participant_id: bob.id, start_ms: 5000, end_ms: 9000, text: 'The billing migration moves to April because the provider changed its API.' },
  { participant_id: ada.id, start_ms: 10000, end_ms: 12000, text: 'Thanks everyone.' },
] });
await write('PUT', `/sessions/peer-report/${ada.id}`, {
  metadata: { device_info: { os: 'linux', cpus: 8 }, sdk_name: 'web-core' },
  quality: { audio_producer_cumulative: { quality_mos: { avg: 4.4 } } },
});
await write('POST', `/sessions/${session.id}/participants/${bob.id}/leave`, { left_at: minutesAgo(10) });
await write('POST', `/sessions/${session.id}/end`, { ended_at: minutesAgo(0) });
console.log(`recorded session ${session.id} (meeting ${meeting}) in app ${app_id}`);

// --- Read it back through the official SDK. ---
const client = new Cloudflare({ apiToken: token, baseURL });
const sessions = client.realtimeKit.sessions;
let failures = 0;

async function check(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok    ${name}${detail ? ': ' + detail : ''}`);
  } catch (e) {
    failures++;
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}

async function fetchDownload(url) {
  const res = await fetch(url); // no token: the signed link is its own authorization
  assert.equal(res.status, 200, `download ${url} answered ${res.status}`);
  return res.text();
}

await check('getSessions', async () => {
  const r = await sessions.getSessions(app_id, { account_id, associated_id: meeting, sort_by: 'createdAt', sort_order: 'DESC', per_page: 10, page_no: 1 });
  assert.equal(r.success, true);
  assert.equal(r.data.sessions.length, 1);
  const s = r.data.sessions[0];
  assert.equal(s.id, session.id);
  assert.equal(s.status, 'ENDED');
  assert.equal(r.paging.total_count, 1);
  return `${r.paging.total_count} session, status ${s.status}, ${s.minutes_consumed} participant-minutes`;
});

await check('getSessionDetails', async () => {
  const r = await sessions.getSessionDetails(session.id, { account_id, app_id, include_breakout_rooms: true });
  assert.equal(r.data.id, session.id);
  assert.equal(r.data.meeting_display_name, 'SDK check meeting');
  assert.equal(r.data.max_concurrent_participants, 2);
  assert.equal(r.data.live_participants, 0);
  assert.equal(r.data.minutes_consumed, 40); // Ada 30 + Bob 10
  assert.deepEqual(r.data.breakout_rooms, []);
  return `max_concurrent_participants ${r.data.max_concurrent_participants}, minutes_consumed ${r.data.minutes_consumed}`;
});

await check('getSessionParticipants', async () => {
  const r = await sessions.getSessionParticipants(session.id, { account_id, app_id, sort_by: 'duration', sort_order: 'DESC', include_peer_events: true, view: 'raw', per_page: 10, page_no: 1 });
  assert.deepEqual(r.data.participants.map((p) => p.display_name), ['Ada', 'Bob']);
  assert.deepEqual(r.data.participants.map((p) => p.duration), [30, 10]);
  assert.deepEqual(r.data.participants[1].peer_events.map((e) => e.event_name), ['PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING']);
  return r.data.participants.map((p) => `${p.display_name} ${p.duration} min`).join(', ');
});

await check('getSessionParticipantDetails', async () => {
  const r = await sessions.getSessionParticipantDetails(ada.id, { account_id, app_id, session_id: session.id, include_peer_events: true });
  assert.equal(r.data.participant.id, ada.id);
  assert.equal(r.data.participant.custom_participant_id, 'cp-ada');
  assert.equal(r.data.participant.peer_events[1].preset_view_type, 'GROUP_CALL');
  return `${r.data.participant.display_name}, preset ${r.data.participant.preset_name}`;
});

await check('getSessionChat', async () => {
  const r = await sessions.getSessionChat(session.id, { account_id, app_id });
  assert.ok(Date.parse(r.data.chat_download_url_expiry) > Date.now());
  const csv = await fetchDownload(r.data.chat_download_url);
  assert.ok(csv.startsWith('id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt'));
  assert.ok(csv.includes('Hello from the SDK check'));
  return `CSV of ${csv.trim().split('\r\n').length - 1} messages from ${new URL(r.data.chat_download_url).pathname.slice(0, 30)}...`;
});

await check('getSessionTranscripts', async () => {
  const r = await sessions.getSessionTranscripts(session.id, { account_id, app_id, format: 'JSON' });
  assert.equal(r.data.sessionId, session.id);
  const lines = JSON.parse(await fetchDownload(r.data.transcript_download_url));
  assert.equal(lines.length, 3);
  assert.equal(lines[1].peerData.displayName, 'Bob');
  const vtt = await sessions.getSessionTranscripts(session.id, { account_id, app_id, format: 'VTT' });
  assert.ok((await fetchDownload(vtt.data.transcript_download_url)).startsWith('WEBVTT'));
  return `${lines.length} segments as JSON; VTT too`;
});

await check('generateSummaryOfTranscripts', async () => {
  const r = await sessions.generateSummaryOfTranscripts(session.id, { account_id, app_id });
  assert.equal(r.success, true);
  assert.equal(r.data.session_id, session.id);
  return `status ${r.data.status}`;
});

await check('getSessionSummary', async () => {
  const r = await sessions.getSessionSummary(session.id, { account_id, app_id });
  assert.equal(r.data.sessionId, session.id);
  assert.ok(Date.parse(r.data.summaryDownloadUrlExpiry) > Date.now());
  const text = await fetchDownload(r.data.summaryDownloadUrl);
  assert.ok(text.includes('billing migration'), text);
  return JSON.stringify(text.split('\n').find((l) => l.startsWith('- ')));
});

await check('getParticipantDataFromPeerID', async () => {
  const r = await sessions.getParticipantDataFromPeerID(ada.id, { account_id, app_id, filters: 'device_info', include_peer_events: true });
  assert.equal(r.data.participant.id, ada.id);
  assert.equal(r.data.id, ada.id);
  assert.equal(r.data.session_id, session.id);
  assert.equal(r.data.participant.peer_report.metadata.device_info.os, 'linux');
  assert.equal(r.data.participant.peer_report.metadata.sdk_name, undefined);
  return `peer ${ada.id.slice(0, 8)}..., device_info.os ${r.data.participant.peer_report.metadata.device_info.os}`;
});

await check('another account is a 404 in the RealtimeKit envelope', async () => {
  await assert.rejects(sessions.getSessionDetails(session.id, { account_id: 'not-' + account_id, app_id }),
    (e) => e.status === 404);
});

// --- The same meeting told only by RealtimeKit's signed webhooks. ---
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const receiver = await write('POST', '/webhook-endpoints', {
  name: 'sdk check', public_key: publicKey.export({ type: 'spki', format: 'pem' }),
});
const hooked = { session: randomUUID(), meeting: `sdk-webhook-${randomUUID().slice(0, 8)}`, ada: randomUUID(), bob: randomUUID() };
const files = new Map();
const fileServer = createServer((req, res) => {
  const file = files.get(req.url);
  res.writeHead(file ? 200 : 404).end(file ?? 'no such file');
});
await new Promise((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
const served = (path, content) => { files.set(path, content); return `http://127.0.0.1:${fileServer.address().port}${path}`; };
const meetingOf = (status, extra = {}) => ({ id: hooked.meeting, sessionId: hooked.session, title: 'SDK check meeting',
  status, createdAt: minutesAgo(31), startedAt: minutesAgo(30), ...extra });
// As in the meeting above, only Ada has a custom participant id.
const peer = (id, name, joined, left) => ({ peerId: id, userDisplayName: name,
  ...(name === 'Ada' ? { customParticipantId: 'cp-ada' } : {}),
  joinedAt: minutesAgo(joined), ...(left === undefined ? {} : { leftAt: minutesAgo(left) }) });
const chatCsv = 'id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\n'
  + `${randomUUID()},${hooked.ada},${hooked.session},${hooked.meeting},Ada,false,false,TEXT_MESSAGE,Hello from the SDK check,${minutesAgo(25)}\n`
  + `${randomUUID()},${hooked.bob},${hooked.session},${hooked.meeting},Bob,false,false,TEXT_MESSAGE,"Hi Ada, agenda is billing",${minutesAgo(15)}\n`;
const sentence = (start, end, text, id, name) => ({ startTime: start, endTime: end, sentence: text,
  peerData: { id, userId: null, displayName: name, cpi: name === 'Ada' ? 'cp-ada' : null } });
const transcriptJson = JSON.stringify([
  sentence(1000, 4000, 'Welcome, today we review the billing migration plan.', hooked.ada, 'Ada'),
  sentence(5000, 9000, 'The billing migration moves to April because the provider changed its API.', hooked.bob, 'Bob'),
  sentence(10000, 12000, 'Thanks everyone.', hooked.ada, 'Ada'),
]);
const deliveries = [
  { event: 'meeting.started', meeting: meetingOf('LIVE') },
  { event: 'meeting.participantJoined', meeting: meetingOf('LIVE'), participant: peer(hooked.ada, 'Ada', 30) },
  { event: 'meeting.participantJoined', meeting: meetingOf('LIVE'), participant: peer(hooked.bob, 'Bob', 20) },
  { event: 'meeting.participantLeft', meeting: meetingOf('LIVE'), participant: peer(hooked.bob, 'Bob', 20, 10) },
  { event: 'meeting.ended', meeting: meetingOf('ENDED', { endedAt: minutesAgo(0) }), reason: 'HOST_ENDED_MEETING' },
  { event: 'meeting.chatSynced', meeting: meetingOf('ENDED'), chatDownloadUrl: served('/chat.csv', chatCsv) },
  { event: 'meeting.transcript', meeting: meetingOf('ENDED'), transcriptDownloadUrl: served('/transcript.json', transcriptJson) },
  { event: 'meeting.summary', meeting: meetingOf('ENDED'),
    summaryDownloadUrl: served('/summary.md', 'The billing migration moves to April.') },
];
// Out of order, and one delivered twice, as RealtimeKit may.
for (const body of [deliveries[4], deliveries[3], ...deliveries, deliveries[1]]) {
  const raw = Buffer.from(JSON.stringify(body));
  const res = await fetch(receiver.url.replace(/^https?:\/\/[^/]+/, baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'rtk-uuid': randomUUID(),
      'rtk-signature': sign('sha256', raw, privateKey).toString('base64') },
    body: raw,
  });
  const json = await res.json();
  if (!res.ok || !['applied', 'duplicate'].includes(json.data?.outcome)) {
    throw new Error(`delivery ${body.event}: HTTP ${res.status} ${JSON.stringify(json)}`);
  }
}
fileServer.close();
console.log(`delivered meeting ${hooked.meeting} (session ${hooked.session}) by webhooks to ${receiver.url}`);

await check('a meeting told by webhooks reads back as the same meeting written through the API', async () => {
  const [byApi, byHooks] = await Promise.all([session.id, hooked.session].map((id) =>
    sessions.getSessionDetails(id, { account_id, app_id })));
  for (const figure of ['status', 'started_at', 'ended_at', 'max_concurrent_participants', 'live_participants',
    'minutes_consumed', 'meeting_display_name']) {
    assert.deepEqual(byHooks.data[figure], byApi.data[figure], figure);
  }
  assert.equal(byHooks.data.associated_id, hooked.meeting);
  assert.equal(byHooks.data.meta.end_reason, 'HOST_ENDED_MEETING');
  const [peersApi, peersHooks] = await Promise.all([session.id, hooked.session].map((id) =>
    sessions.getSessionParticipants(id, { account_id, app_id, sort_by: 'duration', sort_order: 'DESC', include_peer_events: true })));
  const shape = (r) => r.data.participants.map((p) => [p.display_name, p.custom_participant_id ?? null, p.joined_at,
    p.left_at, p.duration, p.peer_events.map((e) => e.event_name)]);
  assert.deepEqual(shape(peersHooks), shape(peersApi));
  const chat = await fetchDownload((await sessions.getSessionChat(hooked.session, { account_id, app_id })).data.chat_download_url);
  assert.ok(chat.includes('Hello from the SDK check') && chat.includes('Hi Ada, agenda is billing'), chat);
  const lines = JSON.parse(await fetchDownload((await sessions.getSessionTranscripts(hooked.session,
    { account_id, app_id, format: 'JSON' })).data.transcript_download_url));
  assert.deepEqual(lines.map((l) => [l.startTime, l.sentence, l.peerData.displayName]),
    [[1000, 'Welcome, today we review the billing migration plan.', 'Ada'],
     [5000, 'The billing migration moves to April because the provider changed its API.', 'Bob'],
     [10000, 'Thanks everyone.', 'Ada']]);
  const summary = await fetchDownload((await sessions.getSessionSummary(hooked.session, { account_id, app_id })).data.summaryDownloadUrl);
  assert.ok(summary.includes('The billing migration moves to April.'), summary);
  return `${byHooks.data.minutes_consumed} participant-minutes, ${peersHooks.data.participants.length} peers, chat, transcript and summary`;
});

console.log(failures === 0 ? 'all RealtimeKit SDK checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
