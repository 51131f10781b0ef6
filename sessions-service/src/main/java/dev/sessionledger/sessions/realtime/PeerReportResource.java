package dev.sessionledger.sessions.realtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.RealtimeViews.Envelope;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;

/** A peer's details with its call statistics. Its path is more specific than {@code /sessions/{session_id}}, so it wins. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(RealtimeSessionResource.BASE + "/peer-report/{peer_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class PeerReportResource {

    private static final String PEER = "peer";
    private static final int MAX_FILTERS = 10;

    @Inject
    PeerReportService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch details of peer", description = "filters (device_info, ip_information, "
            + "precall_network_information, events, quality_stats; repeated or comma-separated) narrows the report; "
            + "include_peer_events adds peer_events.")
    public Envelope<RealtimeViews.PeerReportData> get(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @PathParam("peer_id") String peerId, @Context UriInfo uri) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        Set<String> filters = filters(uri.getQueryParameters());
        boolean withEvents = PageRequest.flag(uri.getQueryParameters(), "include_peer_events");
        UUID peer = RealtimeIds.pathId(PEER, peerId);
        return service.find(scope, peer, filters, withEvents)
                .map(r -> Envelope.of(RealtimeMapper.peerReport(r.peer().peer(), Inputs.now(), r.peer().events(),
                        r.metadata(), r.quality())))
                .orElseThrow(() -> Failure.notFound(PEER, peerId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a peer's report", description = "Replaces the peer's metadata and quality statistics.")
    public Envelope<RealtimeViews.PeerReportData> put(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @PathParam("peer_id") String peerId,
            RealtimeRequests.PeerReportBody body) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        UUID peer = RealtimeIds.pathId(PEER, peerId);
        service.put(scope, peer, body).orElseThrow(() -> Failure.notFound(PEER, peerId));
        return service.find(scope, peer, Set.of(), false)
                .map(r -> Envelope.of(RealtimeMapper.peerReport(r.peer().peer(), Inputs.now(), null, r.metadata(),
                        r.quality())))
                .orElseThrow(() -> Failure.notFound(PEER, peerId));
    }

    private static Set<String> filters(MultivaluedMap<String, String> query) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("filters", "filters[]")) {
            List<String> given = query.get(name);
            if (given != null) {
                given.forEach(v -> values.addAll(List.of(v.split(","))));
            }
        }
        if (values.size() > MAX_FILTERS) {
            throw Failure.invalid("filters", "may name at most " + MAX_FILTERS + " parts");
        }
        Set<String> filters = new LinkedHashSet<>();
        for (String value : values) {
            String f = value.trim();
            if (!PeerReportService.FILTERS.contains(f)) {
                throw Failure.invalid("filters", "must be among " + String.join(", ", PeerReportService.FILTERS));
            }
            filters.add(f);
        }
        return filters;
    }
}
