-- The number of meeting sessions of each app, kept by statement-level triggers in the same
-- transaction as every insert and delete of sessions. The unfiltered session list (GET /sessions
-- without filters) reports paging.total_count from this row instead of counting the app's sessions
-- on every page; a filtered list still counts the sessions it matches.
CREATE TABLE rtk_app_session_count (
    tenant_id     text   NOT NULL,
    app_id        text   NOT NULL,
    session_count bigint NOT NULL CHECK (session_count >= 0),
    PRIMARY KEY (tenant_id, app_id)
);

INSERT INTO rtk_app_session_count (tenant_id, app_id, session_count)
SELECT tenant_id, app_id, count(*) FROM rtk_session GROUP BY tenant_id, app_id;

-- One upsert per statement: the first session of an app creates its row, later ones add to it. Of
-- concurrent creations in one app each waits for the row the one before it locked, so none is lost;
-- a statement touching several apps locks their rows in key order, so two such never deadlock.
CREATE FUNCTION rtk_app_session_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rtk_app_session_count AS c (tenant_id, app_id, session_count)
    SELECT tenant_id, app_id, count(*) FROM added_rows GROUP BY tenant_id, app_id ORDER BY tenant_id, app_id
    ON CONFLICT (tenant_id, app_id) DO UPDATE SET session_count = c.session_count + excluded.session_count;
    RETURN NULL;
END
$$;

CREATE FUNCTION rtk_app_session_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE rtk_app_session_count c SET session_count = c.session_count - r.removed
    FROM (SELECT tenant_id, app_id, count(*) AS removed FROM removed_rows GROUP BY tenant_id, app_id) r
    WHERE c.tenant_id = r.tenant_id AND c.app_id = r.app_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER rtk_session_counted_on_insert AFTER INSERT ON rtk_session
    REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION rtk_app_session_count_added();
CREATE TRIGGER rtk_session_counted_on_delete AFTER DELETE ON rtk_session
    REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION rtk_app_session_count_removed();

-- A session never moves to another app, which keeps the counts above exact. Hibernate names app_id
-- in every update of a session, so the trigger's condition, not its function, checks each row.
CREATE FUNCTION rtk_session_app_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a meeting session cannot move to another app';
END
$$;

CREATE TRIGGER rtk_session_stays_in_its_app BEFORE UPDATE OF tenant_id, app_id ON rtk_session
    FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.app_id IS DISTINCT FROM NEW.app_id)
    EXECUTE FUNCTION rtk_session_app_fixed();
