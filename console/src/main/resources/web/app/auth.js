// Who is signed in: a bearer token kept in this tab's sessionStorage only (gone when the tab closes,
// never in a cookie or in localStorage), from a pasted token, a sign-in link's fragment, or an
// OpenID Connect sign-in (authorization code with PKCE).

const TOKEN = 'sessionledger.token';
const PENDING = 'sessionledger.oidc';

export function token() {
    return sessionStorage.getItem(TOKEN);
}

export function signIn(value) {
    const text = String(value || '').trim().replace(/^Bearer\s+/i, '');
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text)) {
        throw new Error('That is not a JSON Web Token (three base64url parts separated by dots).');
    }
    const payload = decode(text);
    if (!payload) throw new Error('The token\'s claims could not be read.');
    sessionStorage.setItem(TOKEN, text);
    return payload;
}

export function signOut() {
    sessionStorage.removeItem(TOKEN);
}

/** The token's claims as sent; the services verify them, the console only shows them and reads the tenant. */
export function claims() {
    const value = token();
    return value ? decode(value) : null;
}

function decode(jwt) {
    try {
        const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const bytes = Uint8Array.from(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')), c => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
        return null;
    }
}

export function isAdmin() {
    const groups = claims()?.groups;
    return Array.isArray(groups) ? groups.includes('admin') : groups === 'admin';
}

export function expired() {
    const exp = claims()?.exp;
    return typeof exp === 'number' && exp * 1000 <= Date.now();
}

/**
 * A sign-in link's token: {@code /console/#token=...}. A fragment never reaches a server or a log;
 * it is taken out of the address at once, so it is not kept in the history either.
 */
export function takeLinkToken() {
    const match = location.hash.match(/^#token=([^&]+)(?:&next=(.*))?$/);
    if (!match) return false;
    const next = match[2] ? decodeURIComponent(match[2]) : '';
    // Out of the address first, so that a token refused below is not left in it either.
    history.replaceState(null, '', location.pathname + (next.startsWith('#/') ? next : '#/mcp'));
    signIn(decodeURIComponent(match[1]));
    return true;
}

/** The console's own address, whichever of its pages started the sign-in: the one registered at the issuer. */
function redirectUri() {
    return new URL('./', location.origin + location.pathname).href;
}

function base64url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(issuer) {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`The issuer ${issuer} answered ${response.status} for its configuration.`);
    const metadata = await response.json();
    // OpenID Connect Discovery: the document must name the issuer it was asked of.
    if (String(metadata.issuer).replace(/\/$/, '') !== issuer) {
        throw new Error(`The configuration at ${issuer} names another issuer (${metadata.issuer}).`);
    }
    if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
        throw new Error(`The issuer ${issuer} names no authorization or token endpoint.`);
    }
    return metadata;
}

/** Sends the browser to the issuer, with a fresh PKCE verifier and state kept in this tab. */
export async function beginOidc(oidc, next) {
    if (!crypto.subtle) {
        throw new Error('Signing in with an identity provider needs the console over https (or on localhost).');
    }
    const metadata = await discover(oidc.issuer);
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, next: next || '#/mcp' }));
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
        response_type: 'code', client_id: oidc.client_id, redirect_uri: redirectUri(), scope: oidc.scope,
        state, code_challenge: challenge, code_challenge_method: 'S256',
    }).toString();
    location.assign(url.toString());
}

/** The issuer's answer ({@code ?code=&state=}), exchanged for tokens; false when the address carries none. */
export async function completeOidc(oidc) {
    const query = new URLSearchParams(location.search);
    if (!query.has('code') && !query.has('error')) return false;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname + (pending?.next || '#/mcp'));
    if (query.has('error')) {
        throw new Error(`The issuer refused the sign-in: ${query.get('error_description') || query.get('error')}`);
    }
    if (!oidc || !pending || pending.state !== query.get('state')) {
        throw new Error('This sign-in answer was not asked for by this tab; start the sign-in again.');
    }
    const metadata = await discover(oidc.issuer);
    const response = await fetch(metadata.token_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
            grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
            client_id: oidc.client_id, code_verifier: pending.verifier,
        }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
        throw new Error(`The issuer did not give a token: ${body.error_description || body.error || response.status}`);
    }
    signIn(body.access_token);
    return true;
}
