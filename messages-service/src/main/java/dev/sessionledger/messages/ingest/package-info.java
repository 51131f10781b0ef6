/** Ingest: a batch of messages read as it streams in, within a memory budget, and recorded once its session references are confirmed. */
package dev.sessionledger.messages.ingest;
