package dev.sessionledger.messages.mcp;

import java.util.UUID;

import dev.sessionledger.commons.ids.PrefixedId;

/** Maps stored messages to the Metorial session message object, and names the id prefixes involved. */
public final class SessionMessageMapper {

    public static final String ID_PREFIX = "smg";
    public static final String SESSION_PREFIX = "ses";
    public static final String SERVER_SESSION_PREFIX = "spr";
    public static final String PROVIDER_RUN_PREFIX = "srr";
    public static final String PARTICIPANT_PREFIX = "spt";

    private SessionMessageMapper() {
    }

    public static SessionMessageView toView(SessionMessage message) {
        return new SessionMessageView(
                SessionMessageView.OBJECT,
                PrefixedId.format(ID_PREFIX, message.id),
                message.type,
                new SessionMessageView.Sender(SessionMessageView.Sender.OBJECT, message.senderType, message.senderId),
                new SessionMessageView.McpMessage(SessionMessageView.McpMessage.OBJECT, message.method, message.payload),
                PrefixedId.format(SESSION_PREFIX, message.sessionId),
                format(SERVER_SESSION_PREFIX, message.serverSessionId),
                message.createdAt);
    }

    /** The public id, or null where there is none. */
    public static String format(String prefix, UUID id) {
        return id == null ? null : PrefixedId.format(prefix, id);
    }
}
