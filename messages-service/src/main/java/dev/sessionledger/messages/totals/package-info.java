/** The internal read of session totals sessions-service asks: how many messages sessions of the caller's tenant hold. */
package dev.sessionledger.messages.totals;
