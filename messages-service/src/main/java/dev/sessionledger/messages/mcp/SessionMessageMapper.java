package dev.sessionledger.messages.mcp;

import dev.sessionledger.commons.ids.PrefixedId;

/** Maps stored messages to the Metorial session message object. */
public final class SessionMessageMapper {

    public static final String ID_PREFIX = "smg";
    public static final String SESSION_PREFIX = "ses";
    public static final String SERVER_SESSION_PREFIX = "spr";

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
                message.serverSessionId == null ? null : PrefixedId.format(SERVER_SESSION_PREFIX, message.serverSessionId),
                message.createdAt);
    }
}
