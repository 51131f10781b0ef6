/** The caller of a gateway request, from its verified bearer token. */
package dev.sessionledger.gateway.caller;
