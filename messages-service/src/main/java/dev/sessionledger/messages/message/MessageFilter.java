package dev.sessionledger.messages.message;

import java.util.List;
import java.util.UUID;

/** The filters of a list of a session's messages; an empty list means the filter is absent. */
public record MessageFilter(List<MessageType> types, List<UUID> serverSessionIds, List<UUID> providerRunIds) {
}
