/** The stored meeting: sessions, their peers and peer events, and the figures derived from them (durations, minutes). */
package dev.sessionledger.sessions.realtime.meeting;
