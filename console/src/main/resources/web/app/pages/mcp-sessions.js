// MCP sessions: the list, newest first by default, keyset-paged as the API pages it.

import { get } from '../api.js';
import { h, clear, problem, table, timeTag, badge, link, empty, field, select } from '../dom.js';
import { go, href } from '../router.js';

export async function mcpSessionsPage(outlet, params) {
    const order = params.order === 'asc' ? 'asc' : 'desc';
    const limit = params.limit || '20';
    const controls = h('form', {
        class: 'filters', 'aria-label': 'List options',
        onsubmit: e => {
            e.preventDefault();
            const form = new FormData(e.target);
            go('/mcp', { order: form.get('order'), limit: form.get('limit') });
        },
    },
    field('Order', select('order', [['desc', 'Newest first'], ['asc', 'Oldest first']], order)),
    field('Per page', select('limit', [['10', '10'], ['20', '20'], ['50', '50'], ['100', '100']], limit)),
    h('button', { type: 'submit' }, 'Apply'));
    const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, 'Loading sessions…'));
    clear(outlet, h('h1', {}, 'MCP sessions'), controls, body);
    let page;
    try {
        page = await get('/sessions', { order, limit, after: params.after, before: params.before });
    } catch (e) {
        clear(body, problem(e));
        return null;
    }
    if (page.items.length === 0) {
        clear(body, params.after || params.before
            ? [empty('No sessions on this page.'), link(href('/mcp', { order, limit }), 'Back to the first page')]
            : empty('No MCP sessions recorded yet. Connect an MCP client through /mcp/{provider_id}, or record one through the API.'));
        return null;
    }
    const rows = page.items.map(s => h('tr', { dataset: { session: s.id } },
        h('td', {}, link(href(`/mcp/${s.id}`), s.id, { class: 'mono' })),
        h('td', {}, badge(s.status), ' ', badge(s.connection_status)),
        h('td', {}, names(s.clients, c => [c.title || c.name, c.version].filter(Boolean).join(' '))),
        h('td', {}, names(s.providers, p => p.name || p.provider_id || p.id)),
        h('td', { class: 'num' }, s.usage ? String(s.usage.total_productive_message_count) : '—'),
        h('td', {}, timeTag(s.created_at)),
        h('td', {}, timeTag(s.ended_at))));
    const first = page.items[0].id;
    const last = page.items[page.items.length - 1].id;
    clear(body,
        table(null, ['Session', 'Status', 'Client', 'Provider', 'Messages', 'Started', 'Ended'], rows, { id: 'mcp-sessions' }),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
            pager('Previous', page.pagination.has_more_before, href('/mcp', { order, limit, before: first })),
            pager('Next', page.pagination.has_more_after, href('/mcp', { order, limit, after: last }))));
    return null;
}

function names(list, name) {
    if (!Array.isArray(list) || list.length === 0) return '—';
    return list.map(name).join(', ');
}

export function pager(text, enabled, target) {
    return enabled ? link(target, text, { class: 'button', rel: text === 'Next' ? 'next' : 'prev' })
        : h('span', { class: 'button disabled', 'aria-disabled': 'true' }, text);
}
