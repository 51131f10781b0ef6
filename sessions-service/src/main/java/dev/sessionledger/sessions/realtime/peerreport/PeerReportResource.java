package dev.sessionledger.sessions.realtime.peerreport;

import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;

/** A peer's details with its call statistics. Its path is more specific than {@code /sessions/{session_id}}, so it wins. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSIONS + "/peer-report/{peer_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class PeerReportResource {

    private static final String PEER = "peer";

    @Inject
    PeerReportService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch details of peer", description = "The peer with its report, whole or narrowed to "
            + "the parts filters names.")
    public Envelope<PeerReportViews.PeerReportData> get(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @PathParam("peer_id") String peerId,
            @BeanParam PeerReportParams params) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        Set<String> parts = params.parts();
        boolean withEvents = params.withEvents();
        UUID peer = Uuids.existing(peerId, PEER);
        return service.find(scope, peer, parts, withEvents).map(r -> Envelope.of(PeerReportMapper.peerReport(r)))
                .orElseThrow(() -> Failure.notFound(PEER, peerId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a peer's report", description = "Replaces the peer's metadata and quality statistics.")
    public Envelope<PeerReportViews.PeerReportData> put(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @PathParam("peer_id") String peerId, @Valid PeerReportBody body) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        UUID peer = Uuids.existing(peerId, PEER);
        service.put(scope, peer, body).orElseThrow(() -> Failure.notFound(PEER, peerId));
        return service.find(scope, peer, Set.of(), false).map(r -> Envelope.of(PeerReportMapper.peerReport(r)))
                .orElseThrow(() -> Failure.notFound(PEER, peerId));
    }
}
