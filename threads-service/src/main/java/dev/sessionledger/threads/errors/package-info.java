/** The thread APIs' error envelope: RFC 9457 problem details. */
package dev.sessionledger.threads.errors;
