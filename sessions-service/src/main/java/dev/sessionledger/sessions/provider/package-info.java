/** The provider registry: upstream MCP servers, their write-only credentials sealed at rest, and the gateway's internal read. */
package dev.sessionledger.sessions.provider;
