package dev.sessionledger.gateway.caller;

/**
 * Who sent a request to the gateway: the tenant and subject of its verified bearer token, and the
 * token itself, which the gateway forwards to sessions-service and messages-service (never upstream).
 */
public record GatewayCaller(String tenant, String subject, String authorization) {
}
