/** The MCP side of sessions-service: sessions, their connections, providers and runs, and the participants API. */
package dev.sessionledger.sessions.mcp;
