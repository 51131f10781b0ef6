/** Recorded MCP messages: what a message is, how it is stored, and the reads and writes of a tenant's messages. */
package dev.sessionledger.messages.message;
