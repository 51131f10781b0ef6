package dev.sessionledger.gateway.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sessionledger.gateway.caller.GatewayCaller;
import dev.sessionledger.gateway.providers.Provider;
import dev.sessionledger.gateway.session.GatewaySession;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/** One request through the gateway: who sent it, where it goes, what it answers, and whether it has been answered. */
final class Exchange {

    final RoutingContext ctx;
    final HttpMethod method;
    final GatewayCaller caller;
    final Provider provider;
    final GatewaySession session;
    /** The ids of the JSON-RPC requests the body holds: each gets an error when the upstream fails. */
    final List<JsonNode> requestIds;
    final boolean initialize;
    final AtomicBoolean answered = new AtomicBoolean();
    /** The upstream's session id sent with the request, if any: its 404 then means the session is gone. */
    String sentUpstreamSession;

    Exchange(RoutingContext ctx, HttpMethod method, GatewayCaller caller, Provider provider, GatewaySession session,
            List<JsonNode> requestIds, boolean initialize) {
        this.ctx = ctx;
        this.method = method;
        this.caller = caller;
        this.provider = provider;
        this.session = session;
        this.requestIds = requestIds;
        this.initialize = initialize;
    }

    /** The one request id an error answer names, or null (JSON-RPC's id for "no single request"). */
    JsonNode singleId() {
        return JsonRpc.singleId(requestIds);
    }

    boolean audited() {
        return session.ledger().audited();
    }
}
