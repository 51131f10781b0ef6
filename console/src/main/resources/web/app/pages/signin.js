// Sign-in: a bearer token pasted once, or the configured OpenID Connect issuer.

import * as auth from '../auth.js';
import { h, clear, problem } from '../dom.js';
import { settings } from '../settings.js';

export async function signInPage(outlet, params) {
    const next = params.next && params.next.startsWith('#/') && !params.next.startsWith('#/signin') ? params.next : '#/mcp';
    const failed = sessionStorage.getItem('sessionledger.signin-error');
    sessionStorage.removeItem('sessionledger.signin-error');
    const message = h('div', { 'aria-live': 'polite' }, failed ? problem({ message: failed }) : null);
    const input = h('textarea', {
        id: 'token', name: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off',
        placeholder: 'eyJhbGciOiJSUzI1NiIs…',
    });
    const form = h('form', {
        class: 'card signin',
        onsubmit: e => {
            e.preventDefault();
            try {
                auth.signIn(input.value);
                if (auth.expired()) {
                    auth.signOut();
                    throw new Error('That token has expired.');
                }
                location.hash = next;
            } catch (error) {
                clear(message, problem(error));
            }
        },
    },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Paste a bearer token. It is kept in this tab only, until the tab closes, and is sent only to this ledger\'s APIs.'),
    h('label', { for: 'token' }, 'Bearer token'),
    input,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in' }, 'Sign in')));

    const oidc = settings().oidc;
    const single = oidc
        ? h('div', { class: 'card signin' },
            h('h2', {}, 'Or with your identity provider'),
            h('button', {
                type: 'button', id: 'sign-in-oidc',
                onclick: async () => {
                    try {
                        await auth.beginOidc(oidc, next);
                    } catch (error) {
                        clear(message, problem(error));
                    }
                },
            }, `Sign in with ${new URL(oidc.issuer).host}`))
        : null;
    clear(outlet, message, form, single);
    input.focus();
    return null;
}
