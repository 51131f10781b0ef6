/** Writes that must be right under concurrency and failure: idempotent creates and the SQL states they read. */
package dev.sessionledger.commons.persistence;
