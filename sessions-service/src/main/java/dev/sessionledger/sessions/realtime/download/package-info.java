/** Downloads of a session's chat, transcript and summary: signed links, their kinds and formats, and the files. */
package dev.sessionledger.sessions.realtime.download;
