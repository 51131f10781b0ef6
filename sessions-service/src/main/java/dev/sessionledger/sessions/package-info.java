/** sessions-service: MCP sessions and their participants (Metorial's API) and meeting sessions (RealtimeKit's API). */
package dev.sessionledger.sessions;
