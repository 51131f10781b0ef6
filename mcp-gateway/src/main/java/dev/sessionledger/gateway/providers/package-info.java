/** The providers (upstream MCP servers) registered in sessions-service, looked up per request. */
package dev.sessionledger.gateway.providers;
