package dev.sessionledger.messages.mcp;

import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.messages.message.MessageRows.MessageRow;
import dev.sessionledger.messages.message.SessionMessage;

/** Maps stored messages (rows, and a batch's messages by way of the same row) to the Metorial session message object. */
public final class SessionMessageMapper {

    private SessionMessageMapper() {
    }

    public static SessionMessageView toView(MessageRow message) {
        return new SessionMessageView(
                SessionMessageView.OBJECT,
                IdPrefix.MESSAGE.format(message.id()),
                message.type(),
                new SessionMessageView.Sender(SessionMessageView.Sender.OBJECT, message.senderType(), message.senderId()),
                new SessionMessageView.McpMessage(SessionMessageView.McpMessage.OBJECT, message.method(),
                        message.payload()),
                IdPrefix.SESSION.format(message.sessionId()),
                IdPrefix.SESSION_PROVIDER.format(message.serverSessionId()),
                message.createdAt());
    }

    public static SessionMessageView toView(SessionMessage message) {
        return toView(MessageRow.of(message));
    }
}
