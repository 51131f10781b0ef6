/** The Session Messages API (Metorial's): the list, the get and the batch that records a session's messages, and their shapes. */
package dev.sessionledger.messages.mcp;
