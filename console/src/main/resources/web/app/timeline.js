// A session's messages as a timeline: each request with the response that answers it (same JSON-RPC
// id, same server session, the other side), notifications where they came, answers with no request
// on their own.

const OTHER_SIDE = { client: 'server', server: 'client' };

function key(message, side) {
    return `${message.server_session_id || ''}|${side}|${JSON.stringify(message.mcp_message?.payload?.id ?? null)}`;
}

function failed(payload) {
    if (payload?.error) return payload.error.message || `error ${payload.error.code}`;
    if (payload?.result?.isError === true) {
        const text = (payload.result.content || []).find(part => part.type === 'text')?.text;
        return text ? `tool error: ${text}` : 'tool error';
    }
    return null;
}

/** Entries in the order their first message was recorded; a request's entry holds its response once it came. */
export function pair(messages) {
    const entries = [];
    const waiting = new Map();
    for (const message of messages) {
        const side = message.sender?.type;
        if (message.type === 'request') {
            const entry = { kind: 'request', key: message.id, method: message.mcp_message?.method, side, request: message, response: null };
            waiting.set(key(message, side), entry);
            entries.push(entry);
        } else if (message.type === 'response' || message.type === 'error') {
            const answerKey = key(message, OTHER_SIDE[side]);
            const entry = waiting.get(answerKey);
            if (entry) {
                waiting.delete(answerKey);
                entry.response = message;
            } else {
                entries.push({ kind: 'unanswered', key: message.id, method: message.mcp_message?.method, side, request: null, response: message });
            }
        } else {
            entries.push({ kind: 'notification', key: message.id, method: message.mcp_message?.method, side, request: message, response: null });
        }
    }
    for (const entry of entries) {
        const first = entry.request || entry.response;
        entry.at = Date.parse(first.created_at);
        entry.latency = entry.request && entry.response ? Date.parse(entry.response.created_at) - entry.at : null;
        entry.error = entry.response ? failed(entry.response.mcp_message?.payload) : null;
        entry.pending = entry.kind === 'request' && !entry.response;
    }
    return entries;
}
