/** Meeting sessions: start, end, list and details. */
package dev.sessionledger.sessions.realtime.session;
