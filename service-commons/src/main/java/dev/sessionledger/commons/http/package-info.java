/** Limits on what a request may send (line, headers, body), answered in the API's envelope. */
package dev.sessionledger.commons.http;
