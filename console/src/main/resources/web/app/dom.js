// Small DOM helpers: every page builds its elements with h(), so text is always set as text, never as HTML.

export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') el.className = value;
        else if (key === 'text') el.textContent = value;
        else if (key === 'dataset') Object.assign(el.dataset, value);
        else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
        else if (key === 'value') el.value = value;
        else if (value === true) el.setAttribute(key, '');
        else el.setAttribute(key, String(value));
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function clear(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

export function link(href, text, props = {}) {
    return h('a', { href, ...props }, text);
}

const dateTime = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

export function timeTag(iso) {
    return iso ? h('time', { datetime: iso, title: iso }, when(iso)) : '—';
}

/** A duration in milliseconds, in the unit a reader takes in at a glance. */
export function duration(ms) {
    if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function badge(text, kind = text) {
    return h('span', { class: `badge badge-${String(kind).toLowerCase().replace(/[^a-z0-9]+/g, '-')}` }, text);
}

/** A table whose rows scroll sideways on a narrow screen instead of squeezing. */
export function table(caption, headers, rows, props = {}) {
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || headers.join(', '), ...props },
        h('table', {},
            caption ? h('caption', {}, caption) : null,
            h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
            h('tbody', {}, rows)));
}

export function section(title, ...children) {
    return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
}

/** An error from an API, said in words, with a way on where there is one. */
export function problem(error) {
    const box = h('div', { class: 'problem', role: 'alert' },
        h('strong', {}, error.status ? `${error.status} · ` : ''), error.message || String(error));
    if (error.status === 401) {
        box.append(' ', link('#/signin', 'Sign in again'));
    }
    return box;
}

export function empty(text) {
    return h('p', { class: 'empty' }, text);
}

/**
 * Formatted, collapsible JSON: every object and array is a native details element, so it opens
 * and closes by keyboard as well as by mouse; the first levels start open.
 */
export function jsonView(value, openDepth = 3) {
    return h('div', { class: 'json' }, jsonNode(value, openDepth, 0, null));
}

function jsonNode(value, openDepth, depth, key) {
    const label = key === null ? null : h('span', { class: 'json-key' }, JSON.stringify(key), ': ');
    if (value !== null && typeof value === 'object') {
        const isArray = Array.isArray(value);
        const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
        const summary = isArray ? `[ ${entries.length} item${entries.length === 1 ? '' : 's'} ]`
            : `{ ${entries.length} key${entries.length === 1 ? '' : 's'} }`;
        if (entries.length === 0) return h('div', { class: 'json-line' }, label, isArray ? '[]' : '{}');
        return h('details', { class: 'json-node', open: depth < openDepth },
            h('summary', {}, label, h('span', { class: 'json-summary' }, summary)),
            h('div', { class: 'json-children' },
                entries.map(([k, v]) => jsonNode(v, openDepth, depth + 1, isArray ? null : k))));
    }
    const kind = value === null ? 'null' : typeof value;
    return h('div', { class: 'json-line' }, label, h('span', { class: `json-${kind}` }, JSON.stringify(value)));
}

export function field(labelText, control) {
    return h('label', { class: 'field' }, h('span', {}, labelText), control);
}

/** A select of the options; a chosen value that is not among them (from a link) is kept as an option of its own. */
export function select(name, options, chosen, props = {}) {
    const all = chosen && !options.some(([value]) => String(value) === String(chosen)) ? [...options, [chosen, chosen]] : options;
    return h('select', { name, ...props },
        all.map(([value, text]) => h('option', { value, selected: String(value) === String(chosen ?? '') }, text)));
}
