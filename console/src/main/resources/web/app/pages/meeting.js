// One meeting: its participants on a timeline, how many were in over time, the transcript by
// speaker, the chat, the summary, and the download links.

import { get, post, download } from '../api.js';
import { h, clear, problem, table, timeTag, badge, section, empty, duration } from '../dom.js';
import { participantTimeline, concurrency, concurrencyChart } from '../charts.js';
import { parseCsv } from '../csv.js';
import { appPath } from './meetings.js';
import { shown } from '../router.js';

/**
 * The chat download guards cells a spreadsheet would run as formulas with a leading quote; the
 * page shows the text as it was written.
 */
function unguarded(cell) {
    return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const PER_PAGE = 100;
const MOST_PAGES = 50;

async function allParticipants(base) {
    const all = [];
    for (let page = 1; page <= MOST_PAGES; page++) {
        const answer = await get(`${base}/participants`, { page_no: page, per_page: PER_PAGE, sort_by: 'joinedAt', sort_order: 'ASC' });
        const items = answer.data?.participants || [];
        all.push(...items);
        if (items.length < PER_PAGE) break;
    }
    return all;
}

export async function meetingPage(outlet, params, view) {
    const app = params.app_id;
    const id = params.session_id;
    const base = `${appPath(app)}/sessions/${encodeURIComponent(id)}`;
    const head = h('div', {}, h('p', { class: 'loading', role: 'status' }, 'Loading the meeting…'));
    clear(outlet, h('p', { class: 'crumbs' }, h('a', { href: `#/meetings?app=${encodeURIComponent(app)}` }, 'Meetings'), ' / ', h('span', { class: 'mono' }, id)), head);
    let meeting, participants;
    try {
        [meeting, participants] = await Promise.all([get(base).then(a => a.data), allParticipants(base)]);
    } catch (e) {
        if (shown(view)) clear(head, problem(e));
        return null;
    }
    if (!shown(view)) return null;
    const until = meeting.ended_at ? Date.parse(meeting.ended_at) : Date.now();
    const peers = participants.filter(p => p.joined_at).map(p => ({
        label: p.display_name || p.custom_participant_id || p.id,
        start: Date.parse(p.joined_at),
        end: p.left_at ? Date.parse(p.left_at) : until,
        left: Boolean(p.left_at),
    }));
    const timelineEl = h('div', { id: 'peer-timeline', class: 'chart', role: 'img', 'aria-label': `A bar per participant from join to leave (${peers.length})`, style: `height:${Math.max(160, 36 * peers.length + 80)}px` });
    const concurrencyEl = h('div', { id: 'concurrency', class: 'chart', role: 'img', 'aria-label': 'Participants in the meeting over time', style: 'height:220px' });
    const transcript = h('div', { id: 'transcript' }, h('p', { class: 'loading' }, 'Loading the transcript…'));
    const chat = h('div', { id: 'chat' }, h('p', { class: 'loading' }, 'Loading the chat…'));
    const summary = h('div', { id: 'summary' }, h('p', { class: 'loading' }, 'Loading the summary…'));
    clear(head,
        h('h1', {}, meeting.meeting_display_name || 'Meeting'),
        h('dl', { class: 'facts card' },
            [['Status', badge(meeting.status)], ['Started', timeTag(meeting.started_at)], ['Ended', timeTag(meeting.ended_at)],
                ['Live now', String(meeting.live_participants)], ['Most at once', String(meeting.max_concurrent_participants)],
                ['Participant-minutes', String(meeting.minutes_consumed)], ['Meeting id', h('span', { class: 'mono' }, meeting.associated_id || '—')],
                ['Session id', h('span', { class: 'mono' }, meeting.id)]]
                .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
        section('Participants', peers.length ? timelineEl : empty('Nobody has joined.'), participantTable(participants)),
        section('Participants over time', peers.length ? concurrencyEl : empty('Nobody has joined.')),
        section('Transcript', transcript),
        section('Chat', chat),
        section('Summary', summary),
        section('Downloads', downloads(base)));
    const disposals = [];
    if (peers.length) {
        disposals.push(participantTimeline(timelineEl, peers, until));
        disposals.push(concurrencyChart(concurrencyEl, concurrency(peers, until)));
    }
    loadTranscript(base, transcript);
    loadChat(base, chat);
    loadSummary(base, summary);
    return () => disposals.forEach(dispose => dispose());
}

function participantTable(items) {
    if (items.length === 0) return null;
    return table(null, ['Name', 'Joined', 'Left', 'Minutes', 'User', 'Peer id'], items.map(p => h('tr', {},
        h('td', {}, p.display_name || '—'), h('td', {}, timeTag(p.joined_at)), h('td', {}, p.left_at ? timeTag(p.left_at) : badge('in the meeting', 'live')),
        h('td', { class: 'num' }, String(p.duration ?? '—')), h('td', {}, p.user_id || p.custom_participant_id || '—'),
        h('td', { class: 'mono' }, p.id))), { id: 'meeting-participants' });
}

async function loadTranscript(base, el) {
    try {
        const link = await get(`${base}/transcript`, { format: 'JSON' });
        const sentences = await download(link.data.transcript_download_url, 'json');
        if (!sentences.length) {
            clear(el, empty('No transcript recorded.'));
            return;
        }
        // Consecutive sentences of one speaker read as one turn.
        const turns = [];
        for (const s of sentences) {
            const speaker = s.peerData?.displayName || s.peerData?.id || 'unknown';
            const last = turns[turns.length - 1];
            if (last && last.speaker === speaker) last.lines.push(s);
            else turns.push({ speaker, lines: [s] });
        }
        clear(el, h('ol', { class: 'transcript' }, turns.map(turn => h('li', { class: 'turn' },
            h('p', { class: 'speaker' }, turn.speaker, ' ', h('span', { class: 'note' }, duration(turn.lines[0].startTime))),
            turn.lines.map(line => h('p', { class: 'sentence' }, line.sentence))))));
    } catch (e) {
        clear(el, problem(e));
    }
}

async function loadChat(base, el) {
    try {
        const link = await get(`${base}/chat`);
        const rows = parseCsv(await download(link.data.chat_download_url));
        clear(el, rows.length === 0 ? empty('No chat messages.') : h('ol', { class: 'chat' }, rows.map(row => h('li', {},
            h('p', { class: 'speaker' }, unguarded(row.displayName) || row.participantId, ' ', h('span', { class: 'note' }, timeTag(row.createdAt)),
                row.pinned === 'true' ? badge('pinned') : null),
            row.payloadType && row.payloadType !== 'text' ? h('p', {}, badge(row.payloadType), ' ', unguarded(row.payload))
                : h('p', {}, unguarded(row.payload))))));
    } catch (e) {
        clear(el, problem(e));
    }
}

async function loadSummary(base, el) {
    try {
        const link = await get(`${base}/summary`);
        const text = await download(link.data.summaryDownloadUrl);
        clear(el, h('pre', { class: 'summary' }, text));
    } catch (e) {
        if (e.status !== 404) {
            clear(el, problem(e));
            return;
        }
        const button = h('button', {
            type: 'button', id: 'generate-summary',
            onclick: async () => {
                button.disabled = true;
                button.textContent = 'Generating…';
                try {
                    await post(`${base}/summary`);
                    await loadSummary(base, el);
                } catch (failure) {
                    clear(el, problem(failure));
                }
            },
        }, 'Generate the summary');
        clear(el, empty('No summary yet; it is made from the transcript.'), button);
    }
}

function downloads(base) {
    const out = h('p', { 'aria-live': 'polite' });
    const files = [
        ['Chat (CSV)', 'chat', {}, 'chat_download_url'],
        ['Transcript (JSON)', 'transcript', { format: 'JSON' }, 'transcript_download_url'],
        ['Transcript (CSV)', 'transcript', { format: 'CSV' }, 'transcript_download_url'],
        ['Transcript (SRT)', 'transcript', { format: 'SRT' }, 'transcript_download_url'],
        ['Transcript (VTT)', 'transcript', { format: 'VTT' }, 'transcript_download_url'],
        ['Summary', 'summary', {}, 'summaryDownloadUrl'],
    ];
    // Links are signed and expire, so each is asked for when it is used.
    return h('div', { class: 'downloads' },
        files.map(([text, path, params, name]) => h('button', {
            type: 'button', class: 'quiet',
            onclick: async () => {
                try {
                    const link = await get(`${base}/${path}`, params);
                    clear(out);
                    location.assign(link.data[name]);
                } catch (e) {
                    clear(out, problem(e));
                }
            },
        }, text)), out);
}
