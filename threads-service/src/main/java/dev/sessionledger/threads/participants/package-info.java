/** Thread participants: listing, adding, reading, moving read state and removing, within what the caller may see. */
package dev.sessionledger.threads.participants;
