-- How many messages each session holds (by sender and errors) and when its first and last were
-- sent, kept by statement-level triggers in the same transaction as every write of messages. It
-- serves the internal read GET /internal/mcp/messages/totals (tenant_id = ? and session_id in (...),
-- by the primary key), from which sessions-service shows a session's usage in GET /sessions and
-- GET /sessions/{id} without counting any session's messages.
CREATE TABLE session_message_total (
    tenant_id            text        NOT NULL,
    session_id           uuid        NOT NULL,   -- ses_... in sessions-service
    message_count        bigint      NOT NULL CHECK (message_count >= 0),
    client_message_count bigint      NOT NULL CHECK (client_message_count >= 0),
    server_message_count bigint      NOT NULL CHECK (server_message_count >= 0),
    error_count          bigint      NOT NULL CHECK (error_count >= 0),
    first_message_at     timestamptz NOT NULL,
    last_message_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id)
);

-- Writes of messages wait from here until this migration commits, so that no message is stored
-- between the count below and the triggers that keep it (a large table makes ingest wait that long).
LOCK TABLE session_message IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO session_message_total (tenant_id, session_id, message_count, client_message_count,
        server_message_count, error_count, first_message_at, last_message_at)
SELECT tenant_id, session_id, count(*), count(*) FILTER (WHERE sender_type = 'client'),
       count(*) FILTER (WHERE sender_type = 'server'), count(*) FILTER (WHERE type = 'error'),
       min(created_at), max(created_at)
FROM session_message GROUP BY tenant_id, session_id;

-- One upsert per insert statement (a batch is one): only the rows it stored are in added_messages,
-- so a message skipped for an idempotency key its session already holds is not counted again. Of
-- two batches of one session at once, the second waits for the row the first locked; rows are
-- locked in key order, so two statements over several sessions never deadlock.
CREATE FUNCTION session_message_total_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_message_total AS t (tenant_id, session_id, message_count, client_message_count,
            server_message_count, error_count, first_message_at, last_message_at)
    SELECT tenant_id, session_id, count(*), count(*) FILTER (WHERE sender_type = 'client'),
           count(*) FILTER (WHERE sender_type = 'server'), count(*) FILTER (WHERE type = 'error'),
           min(created_at), max(created_at)
    FROM added_messages GROUP BY tenant_id, session_id ORDER BY tenant_id, session_id
    ON CONFLICT (tenant_id, session_id) DO UPDATE SET
        message_count = t.message_count + excluded.message_count,
        client_message_count = t.client_message_count + excluded.client_message_count,
        server_message_count = t.server_message_count + excluded.server_message_count,
        error_count = t.error_count + excluded.error_count,
        first_message_at = least(t.first_message_at, excluded.first_message_at),
        last_message_at = greatest(t.last_message_at, excluded.last_message_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER session_message_counted_on_insert AFTER INSERT ON session_message
    REFERENCING NEW TABLE AS added_messages FOR EACH STATEMENT EXECUTE FUNCTION session_message_total_added();

-- The service never deletes messages (no API or job does). A delete by hand, or a retention job
-- later, still leaves the totals true: first and last times cannot be subtracted, so each session it
-- touched is counted again from the messages it has left (session_message_session_idx), and a
-- session left with none loses its row, which reads as zeros.
CREATE FUNCTION session_message_total_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM session_message_total t
    USING (SELECT DISTINCT tenant_id, session_id FROM removed_messages) r
    WHERE t.tenant_id = r.tenant_id AND t.session_id = r.session_id;
    INSERT INTO session_message_total (tenant_id, session_id, message_count, client_message_count,
            server_message_count, error_count, first_message_at, last_message_at)
    SELECT m.tenant_id, m.session_id, count(*), count(*) FILTER (WHERE m.sender_type = 'client'),
           count(*) FILTER (WHERE m.sender_type = 'server'), count(*) FILTER (WHERE m.type = 'error'),
           min(m.created_at), max(m.created_at)
    FROM session_message m
    JOIN (SELECT DISTINCT tenant_id, session_id FROM removed_messages) r
        ON m.tenant_id = r.tenant_id AND m.session_id = r.session_id
    GROUP BY m.tenant_id, m.session_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER session_message_counted_on_delete AFTER DELETE ON session_message
    REFERENCING OLD TABLE AS removed_messages FOR EACH STATEMENT EXECUTE FUNCTION session_message_total_removed();

-- Nor does the service ever change a stored message, which keeps the counts above exact: a change of
-- what they count by is refused. Only rows whose values differ are checked, since an ORM may name
-- every column in an update.
CREATE FUNCTION session_message_counted_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a stored message cannot change its tenant, session, sender type, type or time';
END
$$;

CREATE TRIGGER session_message_counted_columns_fixed
    BEFORE UPDATE OF tenant_id, session_id, sender_type, type, created_at ON session_message
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.session_id IS DISTINCT FROM NEW.session_id
        OR OLD.sender_type IS DISTINCT FROM NEW.sender_type OR OLD.type IS DISTINCT FROM NEW.type
        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION session_message_counted_fixed();
