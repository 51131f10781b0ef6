/**
 * The MCP sessions a replica serves: kept in sessions-service (any replica loads any session), with
 * this replica's message sequences and the SSE events it recorded; activity reported off the path.
 */
package dev.sessionledger.gateway.session;
