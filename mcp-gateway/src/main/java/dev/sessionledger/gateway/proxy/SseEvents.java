package dev.sessionledger.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;

/**
 * Reads a {@code text/event-stream} as its chunks pass, and hands on each event once its blank line
 * has arrived. Lines are cut on bytes, so a UTF-8 character split between two chunks is decoded
 * whole. Observing (best_effort), it hands on events with data, and the chunks go to the client
 * as they come; keeping the bytes (audit), it hands on every block up to its blank line, with its
 * bytes exactly as they came, so that the block reaches the client only once it is recorded.
 */
final class SseEvents {

    /** Beyond this a line is not kept (a stream that never ends a line must not fill the heap). */
    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final Consumer<SseEvent> sink;
    private final boolean keepBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream block = new ByteArrayOutputStream();
    private boolean lineTooLong;
    private StringBuilder data;
    private String id;
    private String event;

    /** Hands on events with data; the chunks are the caller's to pass. */
    static SseEvents observing(Consumer<SseEvent> sink) {
        return new SseEvents(sink, false);
    }

    /** Hands on every block with its bytes ({@link SseEvent#bytes()}); a block over the line limit fails the feed. */
    static SseEvents keepingBytes(Consumer<SseEvent> sink) {
        return new SseEvents(sink, true);
    }

    private SseEvents(Consumer<SseEvent> sink, boolean keepBytes) {
        this.sink = sink;
        this.keepBytes = keepBytes;
    }

    /** @throws IllegalStateException keeping bytes, for a block larger than the limit */
    void feed(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start + 1);
                endLine();
                start = i + 1;
            }
        }
        append(bytes, start, bytes.length - start);
    }

    /**
     * The stream ended: an event without its closing blank line is not dispatched, as the SSE
     * standard says; keeping bytes, what came of it is returned, to pass on as it is.
     */
    Buffer end() {
        Buffer rest = Buffer.buffer(block.toByteArray()).appendBytes(line.toByteArray());
        line.reset();
        block.reset();
        data = null;
        return keepBytes ? rest : Buffer.buffer();
    }

    private void append(byte[] bytes, int offset, int length) {
        if (line.size() + length > MAX_LINE_BYTES) {
            if (keepBytes) {
                throw new IllegalStateException("an SSE line of the upstream is longer than " + MAX_LINE_BYTES + " bytes");
            }
            lineTooLong = true;
            return;
        }
        line.write(bytes, offset, length);
    }

    private void endLine() {
        if (keepBytes) {
            if (block.size() + line.size() > MAX_LINE_BYTES) {
                throw new IllegalStateException("an SSE event of the upstream is larger than " + MAX_LINE_BYTES + " bytes");
            }
            block.writeBytes(line.toByteArray());
        }
        String text = line.toString(StandardCharsets.UTF_8);
        boolean dropped = lineTooLong;
        line.reset();
        lineTooLong = false;
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() && !dropped) {
            dispatch();
            return;
        }
        if (dropped || text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            case "id" -> id = value;
            case "event" -> event = value;
            default -> {
                // retry and unknown fields carry no message
            }
        }
    }

    private void dispatch() {
        if (keepBytes) {
            sink.accept(new SseEvent(id, event, data == null ? null : data.toString(), Buffer.buffer(block.toByteArray())));
            block.reset();
        } else if (data != null) {
            sink.accept(new SseEvent(id, event, data.toString(), null));
        }
        data = null;
        event = null;
        id = null;
    }
}
