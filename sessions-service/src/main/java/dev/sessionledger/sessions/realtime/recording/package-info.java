/** A session's chat messages and transcript segments: appended in batches, streamed back in time order. */
package dev.sessionledger.sessions.realtime.recording;
