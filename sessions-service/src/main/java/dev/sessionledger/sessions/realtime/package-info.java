/** What RealtimeKit's features share: the caller's scope, the session path, bounds, paging, query and body readers, envelopes. */
package dev.sessionledger.sessions.realtime;
