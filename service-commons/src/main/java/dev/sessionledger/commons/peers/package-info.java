/** How a peer service's failure to answer becomes a 503 with Retry-After. */
package dev.sessionledger.commons.peers;
