/** sessions-service as this service's peer: whether a session, server session and run exist for the caller. */
package dev.sessionledger.messages.sessions;
