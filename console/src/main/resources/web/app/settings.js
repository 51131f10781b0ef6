// The console's settings, read once at start from the console itself.

let loaded = { oidc: null, realtime_app_id: 'default' };

export async function loadSettings() {
    const response = await fetch('settings.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`The console's settings could not be read (${response.status}).`);
    loaded = await response.json();
}

export function settings() {
    return loaded;
}
