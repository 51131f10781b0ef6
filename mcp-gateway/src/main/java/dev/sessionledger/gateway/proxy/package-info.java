/** {@code /mcp/{provider_id}}: the Streamable HTTP transport relayed to the upstream, its messages recorded. */
package dev.sessionledger.gateway.proxy;
