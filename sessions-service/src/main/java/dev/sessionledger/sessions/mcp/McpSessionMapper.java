package dev.sessionledger.sessions.mcp;

import dev.sessionledger.commons.ids.PrefixedId;

/** Maps stored sessions to the Metorial session object. */
public final class McpSessionMapper {

    public static final String ID_PREFIX = "ses";

    private McpSessionMapper() {
    }

    public static McpSessionView toView(McpSession session) {
        return new McpSessionView(McpSessionView.OBJECT, PrefixedId.format(ID_PREFIX, session.id), session.status,
                session.metadata, session.createdAt, session.updatedAt, session.endedAt);
    }
}
