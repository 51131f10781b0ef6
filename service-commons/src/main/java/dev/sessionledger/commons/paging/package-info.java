/** Keyset paging, whatever the query: one page read from an anchor, and which side of it has more rows. */
package dev.sessionledger.commons.paging;
