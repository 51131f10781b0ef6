/** The MCP sessions the gateway serves: ledger ids, the upstream's session id, message sequences. */
package dev.sessionledger.gateway.session;
