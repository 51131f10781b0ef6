/** The error envelopes of the APIs sessions-service implements beside Metorial's: RealtimeKit's. */
package dev.sessionledger.sessions.errors;
