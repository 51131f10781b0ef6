/** sessions-service's records of an MCP session through the gateway: session, connection, server session, run. */
package dev.sessionledger.gateway.ledger;
