/**
 * A real MCP server to put behind mcp-gateway, the same one for its tests, the stack's tests and
 * the gateway benchmark: the Java MCP SDK's Streamable HTTP transport in an embedded Tomcat, with
 * the tools of {@link dev.sessionledger.upstream.Tools}, a resource and a prompt, keeping what
 * reached it when asked to.
 */
package dev.sessionledger.upstream;
