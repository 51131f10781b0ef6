-- The number of participants of each thread, kept by statement-level triggers in the same
-- transaction as every insert and delete of participants. An unfiltered list of one thread (the
-- common case, and what a non-administrator asks for) reports pageInfo.total from this column
-- instead of counting the thread's rows on every page.
ALTER TABLE thread ADD COLUMN participant_count bigint NOT NULL DEFAULT 0;

UPDATE thread t SET participant_count = (SELECT count(*) FROM thread_participant p WHERE p.thread_id = t.id);

CREATE FUNCTION thread_participant_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE thread t SET participant_count = t.participant_count + n.added
    FROM (SELECT thread_id, count(*) AS added FROM added_rows GROUP BY thread_id) n
    WHERE t.id = n.thread_id;
    RETURN NULL;
END
$$;

CREATE FUNCTION thread_participant_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE thread t SET participant_count = t.participant_count - r.removed
    FROM (SELECT thread_id, count(*) AS removed FROM removed_rows GROUP BY thread_id) r
    WHERE t.id = r.thread_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER thread_participant_counted_on_insert AFTER INSERT ON thread_participant
    REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION thread_participant_count_added();
CREATE TRIGGER thread_participant_counted_on_delete AFTER DELETE ON thread_participant
    REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION thread_participant_count_removed();

-- A participant never moves to another thread, which keeps the count above exact. The trigger
-- fires only for UPDATEs that name thread_id, and the application never does.
CREATE FUNCTION thread_participant_thread_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.thread_id IS DISTINCT FROM OLD.thread_id THEN
        RAISE EXCEPTION 'a thread participant cannot move to another thread';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER thread_participant_stays_in_its_thread BEFORE UPDATE OF thread_id ON thread_participant
    FOR EACH ROW EXECUTE FUNCTION thread_participant_thread_fixed();
