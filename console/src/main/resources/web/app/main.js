// The console's shell: sign-in state, navigation, and the page of the current address.

import './style.css';
import * as auth from './auth.js';
import { h, clear, problem } from './dom.js';
import { route, render, go } from './router.js';
import { settings, loadSettings } from './settings.js';
import { signInPage } from './pages/signin.js';
import { mcpSessionsPage } from './pages/mcp-sessions.js';
import { mcpSessionPage } from './pages/mcp-session.js';
import { meetingsPage } from './pages/meetings.js';
import { meetingPage } from './pages/meeting.js';
import { threadsPage } from './pages/threads.js';

const NAV = [['#/mcp', 'MCP sessions'], ['#/meetings', 'Meetings'], ['#/threads', 'Threads']];

function signedIn(page) {
    return async (outlet, params, view) => {
        if (!auth.token() || auth.expired()) {
            if (auth.expired()) auth.signOut();
            go('/signin', { next: location.hash });
            return null;
        }
        return page(outlet, params, view);
    };
}

route('/signin', signInPage);
route('/mcp', signedIn(mcpSessionsPage));
route('/mcp/:session_id', signedIn(mcpSessionPage));
route('/meetings', signedIn(meetingsPage));
route('/meetings/:app_id/:session_id', signedIn(meetingPage));
route('/threads', signedIn(threadsPage));

function header() {
    const claims = auth.claims();
    const active = location.hash.split('?')[0];
    return h('header', { class: 'top' },
        h('a', { class: 'skip', href: '#main', onclick: e => { e.preventDefault(); document.getElementById('main').focus(); } }, 'Skip to content'),
        h('a', { class: 'brand', href: '#/mcp' }, 'Session Ledger'),
        h('nav', { 'aria-label': 'Sections' },
            NAV.map(([target, text]) => h('a', { href: target, 'aria-current': active.startsWith(target) ? 'page' : null }, text))),
        claims
            ? h('div', { class: 'who' },
                h('span', { class: 'who-name', title: `tenant ${claims.tenant}` }, `${claims.sub} · ${claims.tenant}${auth.isAdmin() ? ' · admin' : ''}`),
                h('button', { type: 'button', class: 'quiet', onclick: () => { auth.signOut(); go('/signin'); } }, 'Sign out'))
            : null);
}

let first = true;

async function show() {
    const outlet = h('main', { id: 'main', tabindex: '-1' });
    clear(document.getElementById('app'), header(), outlet);
    try {
        await render(outlet, () => go('/mcp'));
    } catch (e) {
        clear(outlet, problem(e));
    }
    // A new page is announced by its title and takes the focus, as a page load would.
    const heading = outlet.querySelector('h1');
    document.title = `${heading ? heading.textContent : 'Console'} · Session Ledger`;
    if (heading && !first && !outlet.contains(document.activeElement)) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
    }
    first = false;
}

async function start() {
    const app = document.getElementById('app');
    try {
        // The link's token leaves the address before anything else is waited for.
        if (auth.takeLinkToken() && auth.expired()) {
            auth.signOut();
            throw new Error('The sign-in link\'s token has expired; sign in again.');
        }
        await loadSettings();
        await auth.completeOidc(settings().oidc);
    } catch (e) {
        sessionStorage.setItem('sessionledger.signin-error', e.message);
        // Replaced, not assigned: an assignment would fire a second render after this one.
        if (!location.hash.startsWith('#/signin')) history.replaceState(null, '', `${location.pathname}#/signin`);
    }
    window.addEventListener('hashchange', show);
    if (!location.hash || location.hash === '#/') history.replaceState(null, '', `${location.pathname}#/mcp`);
    await show();
    app.setAttribute('aria-busy', 'false');
}

start();
