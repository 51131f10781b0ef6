/** Failures in the domain's terms, and how each API answers them: its error envelope, status table and the exception mappers that apply it. */
package dev.sessionledger.commons.errors;
