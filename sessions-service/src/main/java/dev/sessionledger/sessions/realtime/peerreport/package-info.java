/** Peers' call statistics reports: stored whole, read back whole or by part with the peer's details. */
package dev.sessionledger.sessions.realtime.peerreport;
