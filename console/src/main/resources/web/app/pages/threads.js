// Thread participants with the filter and sort language as a form: conditions on fields (the
// participant's, or its thread's), an order of several keys with their nulls, keyset pages both ways.

import { get } from '../api.js';
import { isAdmin } from '../auth.js';
import { h, clear, problem, table, timeTag, badge, empty, field, select } from '../dom.js';
import { go, href } from '../router.js';
import { pager } from './mcp-sessions.js';

const FIELDS = [
    ['displayName', 'Display name'], ['userId', 'User id'], ['agentId', 'Agent id'], ['swarmId', 'Swarm id'],
    ['externalIdentity', 'External identity'], ['joinedAt', 'Joined at'], ['lastReadMessageId', 'Last read message'],
    ['lastReadAt', 'Last read at'], ['id', 'Participant id'], ['threadId', 'Thread id'],
    ['thread.title', 'Thread title'], ['thread.createdBy', 'Thread created by'], ['thread.createdAt', 'Thread created at'],
];
const SORTABLE = FIELDS.filter(([name]) => !name.startsWith('thread.'));
const OPERATORS = [['eq', '='], ['neq', '≠'], ['gt', '>'], ['gte', '≥'], ['lt', '<'], ['lte', '≤'], ['like', 'like'],
    ['ilike', 'ilike (any case)'], ['in', 'in (comma-separated)'], ['nin', 'not in (comma-separated)'], ['isNull', 'is null']];
const DIRECTIONS = [['asc', 'ascending'], ['desc', 'descending'], ['asc_nulls_first', 'ascending, nulls first'],
    ['asc_nulls_last', 'ascending, nulls last'], ['desc_nulls_first', 'descending, nulls first'], ['desc_nulls_last', 'descending, nulls last']];

/** The form's conditions as the API's filter: {"AND":[{"displayName":{"ilike":"%a%"}},{"thread":{"title":{"eq":"x"}}}]}. */
export function toFilter(join, conditions) {
    const parts = conditions.filter(c => c.field).map(({ field: name, op, value }) => {
        const operand = op === 'isNull' ? value !== 'false'
            : op === 'in' || op === 'nin' ? String(value).split(',').map(v => v.trim()).filter(Boolean) : value;
        const [first, second] = name.split('.');
        return second ? { [first]: { [second]: { [op]: operand } } } : { [first]: { [op]: operand } };
    });
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0] : { [join]: parts };
}

/** The other way, for a filter this form wrote; anything else stays as typed in the JSON box. */
export function fromFilter(filter) {
    if (!filter) return { join: 'AND', conditions: [] };
    const join = filter.AND ? 'AND' : filter.OR ? 'OR' : null;
    const parts = join ? filter[join] : [filter];
    const conditions = [];
    for (const part of parts) {
        const [name, test] = Object.entries(part)[0] || [];
        if (!name || typeof test !== 'object' || test === null || ['AND', 'OR', 'NOT'].includes(name)) return null;
        const relation = name === 'thread' ? Object.entries(test)[0] : null;
        const [fieldName, comparison] = relation ? [`thread.${relation[0]}`, relation[1]] : [name, test];
        const [op, value] = Object.entries(comparison || {})[0] || [];
        if (!op) return null;
        conditions.push({ field: fieldName, op, value: Array.isArray(value) ? value.join(', ') : String(value) });
    }
    return { join: join || 'AND', conditions };
}

function parseJson(text, fallback) {
    if (!text) return fallback;
    try {
        return JSON.parse(text);
    } catch {
        return fallback;
    }
}

export async function threadsPage(outlet, params) {
    const filterText = params.filter || '';
    const orderText = params.orderBy || '';
    // The form shows a link's filter only when it writes that very filter back; anything else stays as typed.
    const given = parseJson(filterText, undefined);
    const read = filterText && given === undefined ? null : fromFilter(given ?? null);
    const parsed = read && (!filterText || JSON.stringify(toFilter(read.join, read.conditions)) === JSON.stringify(given)) ? read : null;
    const state = {
        join: parsed?.join || 'AND',
        conditions: parsed?.conditions?.length ? parsed.conditions : [{ field: '', op: 'eq', value: '' }],
        order: [].concat(parseJson(orderText, []) || []).filter(o => o && typeof o === 'object')
            .map(o => Object.entries(o)[0]).filter(Boolean).map(([f, d]) => ({ field: f, direction: String(d) })),
    };
    if (state.order.length === 0) state.order.push({ field: '', direction: 'asc' });
    const raw = h('textarea', { name: 'filter_json', id: 'filter-json', rows: 3, spellcheck: 'false' }, parsed ? '' : filterText);
    const conditionsEl = h('div', { class: 'rows' });
    const orderEl = h('div', { class: 'rows' });
    const preview = h('pre', { class: 'preview', id: 'query-preview' });

    const currentQuery = () => {
        const typed = raw.value.trim();
        const filter = typed ? typed : (toFilter(state.join, state.conditions) ? JSON.stringify(toFilter(state.join, state.conditions)) : '');
        const orderBy = state.order.filter(o => o.field).map(o => ({ [o.field]: o.direction }));
        return { filter, orderBy: orderBy.length ? JSON.stringify(orderBy) : '' };
    };
    const showPreview = () => {
        const q = currentQuery();
        preview.textContent = `filter=${q.filter || '(none)'}\norderBy=${q.orderBy || '(none: by id)'}`;
    };
    const drawConditions = () => clear(conditionsEl, state.conditions.map((c, i) => h('div', { class: 'row', role: 'group', 'aria-label': `Condition ${i + 1}` },
        select('field', [['', '— field —'], ...FIELDS], c.field, { 'aria-label': `Condition ${i + 1} field`, onchange: e => { c.field = e.target.value; showPreview(); } }),
        select('op', OPERATORS, c.op, { 'aria-label': `Condition ${i + 1} operator`, onchange: e => { c.op = e.target.value; showPreview(); } }),
        h('input', { name: 'value', value: c.value, 'aria-label': `Condition ${i + 1} value`, placeholder: 'value (true/false for is null)', oninput: e => { c.value = e.target.value; showPreview(); } }),
        h('button', { type: 'button', class: 'quiet', 'aria-label': `Remove condition ${i + 1}`, onclick: () => { state.conditions.splice(i, 1); drawConditions(); showPreview(); } }, 'Remove'))));
    const drawOrder = () => clear(orderEl, state.order.map((o, i) => h('div', { class: 'row', role: 'group', 'aria-label': `Sort key ${i + 1}` },
        select('sort_field', [['', '— field —'], ...SORTABLE], o.field, { 'aria-label': `Sort key ${i + 1} field`, onchange: e => { o.field = e.target.value; showPreview(); } }),
        select('direction', DIRECTIONS, o.direction, { 'aria-label': `Sort key ${i + 1} direction`, onchange: e => { o.direction = e.target.value; showPreview(); } }),
        h('button', { type: 'button', class: 'quiet', 'aria-label': `Remove sort key ${i + 1}`, onclick: () => { state.order.splice(i, 1); drawOrder(); showPreview(); } }, 'Remove'))));
    drawConditions();
    drawOrder();

    const threadInput = h('input', { name: 'thread_id', id: 'thread-id', value: params.thread_id || '', size: 38, placeholder: isAdmin() ? 'every thread' : 'required', required: !isAdmin() });
    const limit = select('limit', [['5', '5'], ['10', '10'], ['25', '25'], ['50', '50'], ['100', '100']], params.limit || '25');
    const join = select('join', [['AND', 'all of'], ['OR', 'any of']], state.join, { onchange: e => { state.join = e.target.value; showPreview(); } });
    const form = h('form', {
        class: 'card query', 'aria-label': 'Participant query',
        onsubmit: e => {
            e.preventDefault();
            const q = currentQuery();
            go('/threads', { thread_id: threadInput.value.trim(), limit: limit.value, filter: q.filter, orderBy: q.orderBy });
        },
    },
    h('div', { class: 'filters' }, field('Thread', threadInput), field('Per page', limit)),
    h('fieldset', {}, h('legend', {}, 'Participants matching ', join, ' these conditions'), conditionsEl,
        h('button', { type: 'button', class: 'quiet', onclick: () => { state.conditions.push({ field: '', op: 'eq', value: '' }); drawConditions(); } }, 'Add a condition')),
    h('fieldset', {}, h('legend', {}, 'Sorted by (then by id)'), orderEl,
        h('button', { type: 'button', class: 'quiet', onclick: () => { state.order.push({ field: '', direction: 'asc' }); drawOrder(); } }, 'Add a sort key')),
    h('details', { open: !parsed && Boolean(filterText) }, h('summary', {}, 'Filter as JSON (used instead of the conditions when filled)'), raw),
    preview,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'run-query' }, 'Show participants')));
    raw.addEventListener('input', showPreview);
    showPreview();

    const body = h('div');
    clear(outlet, h('h1', {}, 'Threads'), form, body);
    if (!params.thread_id && !isAdmin()) {
        clear(body, empty('Enter a thread you take part in: members see only their own threads.'));
        return null;
    }
    clear(body, h('p', { class: 'loading' }, 'Loading participants…'));
    const asked = { thread_id: params.thread_id, limit: params.limit || '25', filter: filterText, orderBy: orderText, after: params.after, before: params.before };
    let page, thread = null;
    try {
        [page, thread] = await Promise.all([
            get('/api/thread-participants', asked),
            params.thread_id ? get(`/api/threads/${encodeURIComponent(params.thread_id)}`) : Promise.resolve(null),
        ]);
    } catch (e) {
        clear(body, problem(e));
        return null;
    }
    const rows = page.data.map(p => h('tr', { dataset: { participant: p.id } },
        h('td', {}, p.displayName || '—'),
        h('td', {}, [p.userId && `user ${p.userId}`, p.agentId && `agent ${p.agentId}`, p.swarmId && `swarm ${p.swarmId}`, p.externalIdentity && `external ${p.externalIdentity}`].filter(Boolean).join(', ') || '—'),
        h('td', {}, timeTag(p.joinedAt)),
        h('td', {}, p.lastReadAt ? [badge('read'), ' up to ', h('span', { class: 'mono' }, p.lastReadMessageId || '—'), ' at ', timeTag(p.lastReadAt)] : badge('unread')),
        h('td', {}, params.thread_id ? h('span', { class: 'mono' }, p.threadId) : h('a', { href: href('/threads', { thread_id: p.threadId, limit: asked.limit }), class: 'mono' }, p.threadId))));
    const info = page.pageInfo;
    const keep = { thread_id: params.thread_id, limit: asked.limit, filter: filterText, orderBy: orderText };
    clear(body,
        thread ? h('p', { class: 'thread-title' }, 'Thread ', h('strong', {}, thread.title || thread.id), ` · created by ${thread.createdBy || '—'} · `, timeTag(thread.createdAt)) : null,
        page.data.length === 0 ? empty('No participant matches.')
            : table(`${info.total} participant${info.total === 1 ? '' : 's'}`, ['Name', 'Who', 'Joined', 'Read state', 'Thread'], rows, { id: 'thread-participants' }),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
            pager('Previous', info.hasPreviousPage, href('/threads', { ...keep, before: info.startCursor })),
            pager('Next', info.hasNextPage, href('/threads', { ...keep, after: info.endCursor }))));
    return null;
}
