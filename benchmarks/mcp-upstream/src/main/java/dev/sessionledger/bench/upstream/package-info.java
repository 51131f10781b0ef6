/** The MCP server the gateway benchmark drives, through the gateway and straight: one cheap echo tool. */
package dev.sessionledger.bench.upstream;
