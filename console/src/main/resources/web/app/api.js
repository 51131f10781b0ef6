// The public APIs, read with the signed-in user's token from this same origin (the Ingress routes
// each path to its service). Every failure becomes an ApiError whose message is the API's own words.

import { token } from './auth.js';

export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

/** Query values as the APIs take them: arrays repeat their name; empty values are left out. */
export function query(params = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        for (const one of Array.isArray(value) ? value : [value]) {
            if (one !== undefined && one !== null && one !== '') search.append(key, String(one));
        }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
}

export async function get(path, params) {
    return call('GET', path + query(params));
}

export async function post(path, body) {
    return call('POST', path, body);
}

/** A signed download link's file, fetched from this origin whatever host the link names. */
export async function download(url, as = 'text') {
    const target = new URL(url, location.href);
    const response = await send('GET', target.pathname + target.search, undefined, false);
    return as === 'json' ? response.json() : response.text();
}

async function call(method, path, body) {
    const response = await send(method, path, body, true);
    if (response.status === 204) return null;
    return response.json();
}

async function send(method, path, body, bearer) {
    const headers = { Accept: 'application/json' };
    if (bearer && token()) headers.Authorization = `Bearer ${token()}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
        response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
        throw new ApiError(0, `The ledger could not be reached (${e.message}).`);
    }
    if (!response.ok) throw await failure(response);
    return response;
}

async function failure(response) {
    let body = null;
    try {
        body = await response.json();
    } catch {
        // Not JSON: said by its status below.
    }
    const retry = response.headers.get('Retry-After');
    let message = said(body) || response.statusText || 'The request failed.';
    if (response.status === 401) message = `Your token was refused: ${message}`;
    if (response.status === 503) message = `A service is not available right now${retry ? ` (try again in ${retry} s)` : ''}: ${message}`;
    return new ApiError(response.status, message);
}

/** The message of each API's error envelope: Metorial's, RealtimeKit's, the problem details of threads, the gateway's. */
function said(body) {
    if (!body || typeof body !== 'object') return null;
    if (typeof body.message === 'string') return withFields(body.message, body.errors);
    if (body.error && typeof body.error === 'object' && body.error.message) return body.error.message;
    if (typeof body.detail === 'string') return withFields(body.detail, body.errors);
    if (typeof body.error === 'string') return body.error;
    return null;
}

/** A message with the inputs at fault its {@code errors} name: Metorial's by path, the problem details' by field. */
function withFields(message, errors) {
    const fields = Array.isArray(errors)
        ? errors.map(e => [Array.isArray(e.path) ? e.path.join('.') : e.field || e.name, e.message || e.reason]
            .filter(Boolean).join(': ')).filter(Boolean)
        : [];
    return fields.length ? `${message} (${fields.join('; ')})` : message;
}
