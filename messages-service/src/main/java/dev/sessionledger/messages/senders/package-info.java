/** The internal sender look-up sessions-service asks: who sent given messages of the caller's tenant. */
package dev.sessionledger.messages.senders;
