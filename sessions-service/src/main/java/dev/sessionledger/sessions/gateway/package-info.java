/**
 * The MCP sessions mcp-gateway serves, kept for every gateway replica: opened with everything their
 * messages are recorded under in one transaction, touched as traffic passes, ended on request or
 * when idle past their timeout. Reached only through the internal API; built on {@code mcp} and
 * {@code provider}.
 */
package dev.sessionledger.sessions.gateway;
