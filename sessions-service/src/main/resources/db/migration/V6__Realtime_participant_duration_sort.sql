-- GET /sessions/{id}/participants?sort_by=duration orders by the duration the API shows. For a peer
-- still inside that is the time since it joined, which grows with the clock and so is in no index:
-- rtk_participant_session_joined_idx (tenant_id, session_id, ...) serves the query's session filter,
-- and the sort is of that one session's peers. The index on the stored duration (null until a peer
-- leaves) served the order this replaces and no query since; it only cost every join and leave.
DROP INDEX rtk_participant_session_duration_idx;
