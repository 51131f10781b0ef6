package dev.sessionledger.commons.metorial;

import java.util.UUID;

/** A row of a Metorial list, read as a record: its time-ordered id is its place in the list. */
public interface KeysetRow {

    UUID id();
}
