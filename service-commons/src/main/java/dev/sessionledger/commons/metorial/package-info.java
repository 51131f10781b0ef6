/** What every Metorial list shares: its paging parameters, keyset scan, cursor, page shape and error envelope. */
package dev.sessionledger.commons.metorial;
