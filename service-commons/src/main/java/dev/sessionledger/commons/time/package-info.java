/** The clock every service reads time from, at one precision, injectable so tests can fix it. */
package dev.sessionledger.commons.time;
