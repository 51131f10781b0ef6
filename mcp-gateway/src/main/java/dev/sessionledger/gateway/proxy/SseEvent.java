package dev.sessionledger.gateway.proxy;

/** One server-sent event as it passed: its id (null when it had none) and its data lines joined. */
record SseEvent(String id, String event, String data) {
}
