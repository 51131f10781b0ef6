/** The list query language: JSON filters and multi-key sorts over whitelisted fields, compiled to bound SQL, with keyset conditions and signed cursors. */
package dev.sessionledger.threads.query;
