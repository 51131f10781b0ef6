/** A session's participants (peers): join, leave, list and details with their peer events. */
package dev.sessionledger.sessions.realtime.participant;
