/**
 * Writes that must be right under concurrency and failure (idempotent creates and the SQL states they
 * read), reads by plain statements into records without entities ({@link
 * dev.sessionledger.commons.persistence.SqlReads}, {@link dev.sessionledger.commons.persistence.RowSelect}),
 * and the plan a statement runs.
 */
package dev.sessionledger.commons.persistence;
