// One MCP session: who took part, and its messages as a timeline of requests paired with their
// responses, refreshed while the session is open.

import { get } from '../api.js';
import { h, clear, problem, table, timeTag, badge, section, empty, duration, jsonView, field, select } from '../dom.js';
import { pair } from '../timeline.js';
import { shown } from '../router.js';

const PAGE = 100;
const MOST = 5000;
const LIVE_EVERY_MS = 3000;
/**
 * How far back a refresh reads again: two writers of one session (gateway replicas, a stream beside
 * a POST) may commit out of id order, so a message can land just below the last id seen.
 */
const OVERLAP = 50;

/** The session's messages after a cursor, page by page, each added once; true when MOST cut them short. */
async function messagesAfter(sessionId, after, into, seen) {
    let cursor = after;
    for (;;) {
        const page = await get(`/sessions/${encodeURIComponent(sessionId)}/messages`, { limit: PAGE, order: 'asc', after: cursor });
        for (const message of page.items) {
            if (!seen.has(message.id) && into.length < MOST) {
                seen.add(message.id);
                into.push(message);
            }
        }
        if (page.items.length > 0) cursor = page.items[page.items.length - 1].id;
        if (!page.pagination.has_more_after) return false;
        if (into.length >= MOST) return true;
    }
}

export async function mcpSessionPage(outlet, params, view) {
    const id = params.session_id;
    const head = h('div', {}, h('p', { class: 'loading', role: 'status' }, 'Loading the session…'));
    clear(outlet, h('p', { class: 'crumbs' }, h('a', { href: '#/mcp' }, 'MCP sessions'), ' / ', h('span', { class: 'mono' }, id)),
        h('h1', {}, 'MCP session'), head);
    let session, participants;
    const messages = [];
    const seen = new Set();
    let truncated;
    try {
        [session, participants, truncated] = await Promise.all([
            get(`/sessions/${encodeURIComponent(id)}`),
            get('/session-participants', { session_id: id, limit: 100 }),
            messagesAfter(id, undefined, messages, seen),
        ]);
    } catch (e) {
        if (shown(view)) clear(head, problem(e));
        return null;
    }
    if (!shown(view)) return null;
    const state = { method: '', kinds: new Set(['request', 'notification', 'unanswered']), errorsOnly: false, open: new Set() };
    const summary = h('div');
    const timeline = h('div', { id: 'timeline' });
    const live = h('p', { class: 'live', role: 'status' });
    // Paired once per change of the messages; the summary, the timeline and its filters all read these entries.
    let entries = pair(messages);
    const redraw = () => drawTimeline(timeline, entries, messages.length, state);
    const filters = filterForm(state, redraw);

    drawSummary(summary, session, entries, messages.length);
    clear(head,
        summary,
        section('Participants', participantTable(participants.items),
            participants.pagination.has_more_after ? h('p', { class: 'note' }, 'Showing the first 100 participants.') : null),
        section('Messages', truncated ? h('p', { class: 'note' }, `Showing the first ${MOST} messages.`) : null, filters, live, timeline));
    redraw();

    let timer = null;
    let stopped = false;
    const refresh = async () => {
        if (stopped) return;
        try {
            const before = messages.length;
            const from = messages.length > OVERLAP ? messages[messages.length - 1 - OVERLAP].id : undefined;
            truncated = await messagesAfter(id, from, messages, seen) || truncated;
            session = await get(`/sessions/${encodeURIComponent(id)}`);
            if (messages.length !== before) {
                entries = pair(messages);
                redraw();
            }
            drawSummary(summary, session, entries, messages.length);
            live.textContent = session.status === 'active' ? `Live: refreshed ${new Date().toLocaleTimeString()}` : 'The session has ended.';
        } catch (e) {
            live.textContent = `Live refresh paused: ${e.message}`;
        }
        if (!stopped && session.status === 'active') timer = setTimeout(refresh, LIVE_EVERY_MS);
    };
    if (session.status === 'active') {
        live.textContent = 'Live: new messages appear as they are recorded.';
        timer = setTimeout(refresh, LIVE_EVERY_MS);
    }
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}

function drawSummary(el, s, entries, messageCount) {
    const errors = entries.filter(entry => entry.error).length;
    const facts = [
        ['Id', h('span', { class: 'mono' }, s.id)],
        ['Status', [badge(s.status), ' ', badge(s.connection_status)]],
        ['Started', timeTag(s.created_at)],
        ['Ended', timeTag(s.ended_at)],
        ['Clients', (s.clients || []).map(c => [c.title || c.name, c.version].filter(Boolean).join(' ')).join(', ') || '—'],
        ['Providers', (s.providers || []).map(p => p.name || p.provider_id).join(', ') || '—'],
        ['Messages', String(s.usage ? s.usage.total_productive_message_count : messageCount)],
        ['Failed calls', String(errors)],
    ];
    clear(el, h('dl', { class: 'facts card' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

function participantTable(items) {
    if (items.length === 0) return empty('No participants recorded.');
    return table(null, ['Type', 'Name', 'Identifier', 'Version', 'Id'], items.map(p => {
        const data = typeof p.data === 'object' && p.data ? p.data : {};
        return h('tr', {},
            h('td', {}, badge(p.type)), h('td', {}, p.name || '—'), h('td', {}, p.identifier || '—'),
            h('td', {}, data.version || '—'), h('td', { class: 'mono' }, p.id));
    }), { id: 'participants' });
}

function filterForm(state, redraw) {
    const methods = h('select', { name: 'method', id: 'method-filter' }, h('option', { value: '' }, 'Every method'));
    const kinds = [['request', 'Requests'], ['notification', 'Notifications'], ['unanswered', 'Answers without a request']];
    const form = h('form', { class: 'filters', 'aria-label': 'Message filters', onsubmit: e => e.preventDefault() },
        h('fieldset', {}, h('legend', {}, 'Show'),
            kinds.map(([kind, text]) => h('label', { class: 'check' },
                h('input', {
                    type: 'checkbox', name: 'kind', value: kind, checked: state.kinds.has(kind),
                    onchange: e => { e.target.checked ? state.kinds.add(kind) : state.kinds.delete(kind); redraw(); },
                }), ' ', text))),
        field('Method', methods),
        h('label', { class: 'check' },
            h('input', { type: 'checkbox', name: 'errors', id: 'errors-only', onchange: e => { state.errorsOnly = e.target.checked; redraw(); } }),
            ' Failed only'));
    methods.addEventListener('change', () => { state.method = methods.value; redraw(); });
    state.methodSelect = methods;
    return form;
}

function drawTimeline(el, entries, messageCount, state) {
    // A redraw replaces the rows; the one the keyboard was on gets the focus back.
    const focused = el.contains(document.activeElement) ? document.activeElement.closest('.tl-row')?.dataset.key : null;
    const known = [...new Set(entries.map(e => e.method).filter(Boolean))].sort();
    const chosen = state.method;
    clear(state.methodSelect, h('option', { value: '' }, 'Every method'),
        known.map(m => h('option', { value: m, selected: m === chosen }, m)));
    const visible = entries.filter(e => state.kinds.has(e.kind) && (!state.method || e.method === state.method) && (!state.errorsOnly || e.error));
    if (entries.length === 0) {
        clear(el, empty('No messages recorded in this session yet.'));
        return;
    }
    const start = entries[0].at;
    const slowest = Math.max(1, ...entries.map(e => e.latency || 0));
    const rows = visible.map(entry => timelineRow(entry, start, slowest, state));
    clear(el,
        h('p', { class: 'note' }, `${visible.length} of ${entries.length} entries (${messageCount} messages).`),
        visible.length ? h('ol', { class: 'timeline' }, rows) : empty('No message matches these filters.'));
    if (focused) el.querySelector(`.tl-row[data-key="${CSS.escape(focused)}"] .tl-head`)?.focus();
}

/** What a call was about at a glance: the tool called, the resource read, the prompt asked for. */
function hint(entry) {
    const params = entry.request?.mcp_message?.payload?.params;
    return params?.name || params?.uri || null;
}

function timelineRow(entry, start, slowest, state) {
    const direction = entry.side === 'client' ? 'client → server' : 'server → client';
    const status = entry.error ? badge('failed', 'error') : entry.pending ? badge('no answer', 'pending')
        : entry.kind === 'notification' ? badge('notification') : entry.kind === 'unanswered' ? badge('answer only', 'pending') : badge('ok');
    const open = state.open.has(entry.key);
    const detail = h('div', { class: 'tl-detail', id: `detail-${entry.key}`, hidden: !open });
    const fill = () => clear(detail,
        entry.request ? h('div', {}, h('h3', {}, entry.kind === 'notification' ? 'Notification' : 'Request', ' ', timeTag(entry.request.created_at)), jsonView(entry.request.mcp_message.payload)) : null,
        entry.response ? h('div', {}, h('h3', {}, entry.response.type === 'error' ? 'Error' : 'Response', ' ', timeTag(entry.response.created_at)), jsonView(entry.response.mcp_message.payload)) : null,
        entry.error ? h('p', { class: 'problem' }, entry.error) : null);
    if (open) fill();
    const toggle = h('button', {
        type: 'button', class: 'tl-head', 'aria-expanded': String(open), 'aria-controls': `detail-${entry.key}`,
        onclick: () => {
            const opening = detail.hidden;
            detail.hidden = !opening;
            toggle.setAttribute('aria-expanded', String(opening));
            if (opening) { state.open.add(entry.key); fill(); } else { state.open.delete(entry.key); }
        },
    },
    h('span', { class: 'tl-time' }, `+${duration(entry.at - start)}`),
    h('span', { class: 'tl-dir' }, direction),
    h('span', { class: 'tl-method mono' }, entry.method || '(no method)', hint(entry) ? h('span', { class: 'tl-hint' }, hint(entry)) : null),
    h('span', { class: 'tl-latency' },
        entry.latency !== null ? [h('span', { class: 'bar', style: `width:${Math.max(2, Math.round(100 * entry.latency / slowest))}%` }), duration(entry.latency)] : ''),
    status);
    return h('li', {
        class: `tl-row kind-${entry.kind}${entry.error ? ' is-error' : ''}${entry.pending ? ' is-pending' : ''}`,
        dataset: { key: entry.key, method: entry.method || '', kind: entry.kind, latency: entry.latency ?? '' },
    }, toggle, detail);
}
