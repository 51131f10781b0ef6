package dev.sessionledger.sessions.realtime.peerreport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.QueryValues;

/** The query parameters of a peer's report: which parts of it, and whether with the peer's events. */
public class PeerReportParams {

    private static final int MAX_FILTERS = 10;

    @QueryParam("filters")
    @Parameter(description = "The parts of the report to return, repeated or comma-separated, at most ten: "
            + "device_info, ip_information, precall_network_information, events, quality_stats. All when absent.",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_FILTERS, implementation = String.class))
    public List<String> filters;

    @QueryParam("include_peer_events")
    @Parameter(description = "Adds the peer's peer_events.",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public List<String> includePeerEvents;

    /** The parts asked for, empty for the whole report; at most ten, each one of {@link PeerReportService#FILTERS}. */
    public Set<String> parts() {
        List<String> values = new ArrayList<>();
        if (filters != null) {
            filters.forEach(v -> values.addAll(List.of(v.split(","))));
        }
        if (values.size() > MAX_FILTERS) {
            throw Failure.invalid("filters", "may name at most " + MAX_FILTERS + " parts");
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String value : values) {
            String f = value.trim();
            if (!PeerReportService.FILTERS.contains(f)) {
                throw Failure.invalid("filters", "must be among " + String.join(", ", PeerReportService.FILTERS));
            }
            parts.add(f);
        }
        return parts;
    }

    public boolean withEvents() {
        return QueryValues.flag("include_peer_events", includePeerEvents);
    }
}
