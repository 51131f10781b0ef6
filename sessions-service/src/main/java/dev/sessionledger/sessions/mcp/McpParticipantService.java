package dev.sessionledger.sessions.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.peers.PeerFailures;
import dev.sessionledger.sessions.mcp.McpRows.ParticipantRow;

/** Records who takes part in MCP sessions and answers the Session Participants API. */
@ApplicationScoped
public class McpParticipantService {

    /** Participant data is stored as given; the REST layer's naming strategy must not touch it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    McpParticipantRepository participants;

    @Inject
    McpRepositories.SessionProviders providers;

    @Inject
    MessageSendersClient senders;

    /** The participant an MCP client is: identifier its name, name its title (else name), data all three. */
    McpParticipant upsertClient(String tenant, McpRequests.ClientInfo client) {
        String name = client.title() == null || client.title().isBlank() ? client.name() : client.title();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identifier", client.name());
        data.put("name", name);
        if (client.version() != null) {
            data.put("version", client.version());
        }
        return require(tenant, participants.upsert(tenant, McpParticipant.MCP_CLIENT, client.name(), name, json(data), null));
    }

    /** The participant a provider is: identified by its provider id, which it also carries as {@code provider_id}. */
    McpParticipant upsertProvider(String tenant, String providerId, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identifier", providerId);
        data.put("name", name);
        return require(tenant, participants.upsert(tenant, McpParticipant.PROVIDER, providerId, name, json(data), providerId));
    }

    /** A participant the caller's records point at, so it exists. */
    McpParticipant require(String tenant, UUID id) {
        return participants.findInTenant(tenant, id).orElseThrow();
    }

    public ParticipantRow get(String tenant, UUID id) {
        return participants.rowInTenant(tenant, id).orElseThrow(
                () -> Failure.notFound(McpParticipant.ENTITY, IdPrefix.PARTICIPANT.format(id)));
    }

    /**
     * One page of participants. The filter {@code session_message_id} asks messages-service who sent
     * those messages: the message's participant, or else the provider of the server session that sent it.
     */
    public MetorialPage<ParticipantRow> list(String tenant, String authorization, ParticipantQuery query,
            MetorialListRequest request) {
        Set<UUID> senderIds = query.messageIds().isEmpty() ? null : sendersOf(tenant, authorization, query.messageIds());
        if (senderIds != null && senderIds.isEmpty()) {
            return request.page(List.of(), false);
        }
        return participants.page(tenant, query, senderIds, request);
    }

    private Set<UUID> sendersOf(String tenant, String authorization, List<UUID> messageIds) {
        List<String> shown = messageIds.stream().map(IdPrefix.MESSAGE::format).toList();
        List<MessagesApi.Sender> found = PeerFailures.call("messages-service", "Message senders cannot be looked up",
                () -> senders.senders(authorization, shown));
        Set<UUID> result = new LinkedHashSet<>();
        List<UUID> serverSessions = new ArrayList<>();
        for (MessagesApi.Sender sender : found) {
            Optional<UUID> participant = IdPrefix.PARTICIPANT.parse(sender.participantId())
                    .or(() -> IdPrefix.PARTICIPANT.parse(sender.senderId()));
            if (participant.isPresent()) {
                result.add(participant.get());
            } else if ("server".equals(sender.senderType())) {
                IdPrefix.SESSION_PROVIDER.parse(sender.serverSessionId())
                        .or(() -> IdPrefix.SESSION_PROVIDER.parse(sender.senderId()))
                        .ifPresent(serverSessions::add);
            }
        }
        if (!serverSessions.isEmpty()) {
            result.addAll(providers.participantsOf(tenant, serverSessions));
        }
        return result;
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
