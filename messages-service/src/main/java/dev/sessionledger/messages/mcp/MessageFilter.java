package dev.sessionledger.messages.mcp;

import java.util.List;
import java.util.UUID;

/** The list filters of the Session Messages API; an empty list means the filter is absent. */
public record MessageFilter(List<String> types, List<UUID> serverSessionIds, List<UUID> providerRunIds) {
}
