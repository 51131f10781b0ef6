package dev.sessionledger.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;

/**
 * Reads a {@code text/event-stream} as its chunks pass, and hands on each event once its blank line
 * has arrived. It only observes: the chunks themselves go to the client unchanged, as they come.
 * Lines are cut on bytes, so a UTF-8 character split between two chunks is decoded whole.
 */
final class SseEvents {

    /** Beyond this a line is not kept (a stream that never ends a line must not fill the heap). */
    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final Consumer<SseEvent> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean lineTooLong;
    private StringBuilder data;
    private String id;
    private String event;

    SseEvents(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    void feed(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        append(bytes, start, bytes.length - start);
    }

    /** The stream ended: an event without its closing blank line is not dispatched, as the SSE standard says. */
    void end() {
        line.reset();
        data = null;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (line.size() + length > MAX_LINE_BYTES) {
            lineTooLong = true;
            return;
        }
        line.write(bytes, offset, length);
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        boolean dropped = lineTooLong;
        line.reset();
        lineTooLong = false;
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
        if (data != null) {
            sink.accept(new SseEvent(id, event, data.toString()));
        }
        data = null;
        event = null;
        id = null;
    }
}
