/** Threads: starting one (its creator joins it), reading one, and who may see it; the thread fields participant filters reach. */
package dev.sessionledger.threads.thread;
