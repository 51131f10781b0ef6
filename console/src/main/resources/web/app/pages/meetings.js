// Meetings (RealtimeKit sessions) of one app: the list with RealtimeKit's figures and filters.

import { get } from '../api.js';
import { claims } from '../auth.js';
import { h, clear, problem, table, timeTag, badge, link, empty, field, select } from '../dom.js';
import { settings } from '../settings.js';
import { go, href } from '../router.js';
import { pager } from './mcp-sessions.js';

export function appPath(app) {
    return `/accounts/${encodeURIComponent(claims().tenant)}/realtime/kit/${encodeURIComponent(app)}`;
}

function iso(local) {
    if (!local) return '';
    const d = new Date(local);
    return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

function local(isoText) {
    if (!isoText) return '';
    const d = new Date(isoText);
    if (Number.isNaN(d.getTime())) return '';
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export async function meetingsPage(outlet, params) {
    const app = params.app || sessionStorage.getItem('sessionledger.app') || settings().realtime_app_id || 'default';
    sessionStorage.setItem('sessionledger.app', app);
    const p = { app, status: params.status || '', search: params.search || '', participants: params.participants || '',
        start_time: params.start_time || '', end_time: params.end_time || '', sort_by: params.sort_by || 'createdAt',
        sort_order: params.sort_order || 'DESC', per_page: params.per_page || '20', page_no: params.page_no || '1' };
    const form = h('form', {
        class: 'filters', 'aria-label': 'Meeting filters',
        onsubmit: e => {
            e.preventDefault();
            const f = new FormData(e.target);
            go('/meetings', { app: f.get('app'), status: f.get('status'), search: f.get('search'), participants: f.get('participants'),
                start_time: iso(f.get('start_time')), end_time: iso(f.get('end_time')), sort_by: f.get('sort_by'),
                sort_order: f.get('sort_order'), per_page: f.get('per_page') });
        },
    },
    field('App', h('input', { name: 'app', value: p.app, required: true, pattern: '[A-Za-z0-9_-]{1,64}', size: 12 })),
    field('Status', select('status', [['', 'Any'], ['LIVE', 'Live'], ['ENDED', 'Ended']], p.status)),
    field('Search', h('input', { name: 'search', type: 'search', value: p.search, placeholder: 'title, meeting or session id' })),
    field('Participants', h('input', { name: 'participants', value: p.participants, placeholder: 'e.g. 2:10', pattern: '\\d{0,6}:?\\d{0,6}', size: 7 })),
    field('Started from', h('input', { name: 'start_time', type: 'datetime-local', value: local(p.start_time) })),
    field('Started until', h('input', { name: 'end_time', type: 'datetime-local', value: local(p.end_time) })),
    field('Sort by', select('sort_by', [['createdAt', 'Started'], ['minutesConsumed', 'Minutes']], p.sort_by)),
    field('Order', select('sort_order', [['DESC', 'Descending'], ['ASC', 'Ascending']], p.sort_order)),
    field('Per page', select('per_page', [['10', '10'], ['20', '20'], ['50', '50'], ['100', '100']], p.per_page)),
    h('button', { type: 'submit' }, 'Apply'));
    const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, 'Loading meetings…'));
    clear(outlet, h('h1', {}, 'Meetings'), form, body);
    let answer;
    try {
        const { app: _, ...filters } = p;
        answer = await get(`${appPath(app)}/sessions`, filters);
    } catch (e) {
        clear(body, problem(e));
        return null;
    }
    const sessions = answer.data?.sessions || [];
    const paging = answer.paging || {};
    if (sessions.length === 0) {
        clear(body, empty(`No meetings of app ${app} match.`),
            Number(p.page_no) > 1 ? link(href('/meetings', { ...p, page_no: 1 }), 'Back to the first page') : null);
        return null;
    }
    const rows = sessions.map(s => h('tr', { dataset: { session: s.id } },
        h('td', {}, link(href(`/meetings/${encodeURIComponent(app)}/${encodeURIComponent(s.id)}`), s.meeting_display_name || s.associated_id || s.id)),
        h('td', {}, badge(s.status)),
        h('td', {}, timeTag(s.started_at)),
        h('td', {}, timeTag(s.ended_at)),
        h('td', { class: 'num' }, String(s.live_participants ?? '—')),
        h('td', { class: 'num' }, String(s.max_concurrent_participants ?? '—')),
        h('td', { class: 'num' }, String(s.minutes_consumed ?? '—')),
        h('td', { class: 'mono' }, s.associated_id || '—')));
    const page = Number(p.page_no);
    const pages = Math.max(1, Math.ceil((paging.total_count || 0) / Number(p.per_page)));
    const { app: appId, ...rest } = p;
    clear(body,
        table(`${paging.total_count ?? sessions.length} meetings`, ['Meeting', 'Status', 'Started', 'Ended', 'Live', 'Peak', 'Minutes', 'Meeting id'], rows, { id: 'meetings' }),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
            pager('Previous', page > 1, href('/meetings', { ...rest, app: appId, page_no: page - 1 })),
            h('span', {}, `Page ${page} of ${pages}`),
            pager('Next', page < pages, href('/meetings', { ...rest, app: appId, page_no: page + 1 }))));
    return null;
}
