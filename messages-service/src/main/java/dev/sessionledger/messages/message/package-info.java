/**
 * Recorded MCP messages: what a message is, how it is stored, the reads and writes of a tenant's
 * messages, and the totals of each session's messages that the database keeps.
 */
package dev.sessionledger.messages.message;
