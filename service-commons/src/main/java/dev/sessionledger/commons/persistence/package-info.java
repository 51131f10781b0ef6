/**
 * Writes that must be right under concurrency and failure (idempotent creates and the SQL states they
 * read), reads into records without entities, and the plan a statement runs.
 */
package dev.sessionledger.commons.persistence;
