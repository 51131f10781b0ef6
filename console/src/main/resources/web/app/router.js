// Pages by the address's fragment (#/mcp/ses_...?order=desc), so every view is a link that can be
// shared, bookmarked and reopened, and the server only ever serves one page.

const routes = [];
let current = null;

export function route(pattern, page) {
    const names = [];
    const regex = new RegExp('^' + pattern.replace(/:([a-z_]+)/g, (_, name) => {
        names.push(name);
        return '([^/]+)';
    }) + '$');
    routes.push({ regex, names, page });
}

export function href(path, params = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') search.set(key, value);
    }
    const text = search.toString();
    return `#${path}${text ? `?${text}` : ''}`;
}

export function go(path, params) {
    location.hash = href(path, params);
}

export function parse(hash = location.hash) {
    const text = hash.replace(/^#/, '') || '/';
    const mark = text.indexOf('?');
    const [path, search] = mark < 0 ? [text, ''] : [text.slice(0, mark), text.slice(mark + 1)];
    return { path, params: Object.fromEntries(new URLSearchParams(search)) };
}

/** Whether this page is still the one shown: a page checks it after each wait before it goes on. */
export function shown(view) {
    return current === view;
}

/** Renders the page of the current address; the page left is told to stop (its timers, its charts). */
export async function render(outlet, fallback) {
    const { path, params } = parse();
    if (current?.dispose) current.dispose();
    current = null;
    for (const { regex, names, page } of routes) {
        const match = path.match(regex);
        if (match) {
            names.forEach((name, i) => { params[name] = decodeURIComponent(match[i + 1]); });
            const view = { dispose: null };
            current = view;
            const dispose = await page(outlet, params, view);
            // Left while it was loading: stopped now, since nothing else will stop it.
            if (current !== view) dispose?.();
            else view.dispose = dispose;
            return;
        }
    }
    fallback();
}
