package dev.sessionledger.gateway.proxy;

import io.vertx.core.buffer.Buffer;

/**
 * One server-sent event as it passed: its id (null when it had none), its data lines joined (null
 * for a block without data, such as a comment), and, when kept, its bytes exactly as they came.
 */
record SseEvent(String id, String event, String data, Buffer bytes) {
}
