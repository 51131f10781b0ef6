-- How many client connections of a session are open, kept with each connect, disconnect and end
-- (the session row is locked for all three), so a session's connection_status needs no count query.
ALTER TABLE mcp_session ADD COLUMN open_connections integer NOT NULL DEFAULT 0 CHECK (open_connections >= 0);
UPDATE mcp_session s SET open_connections = (
    SELECT count(*) FROM mcp_connection c WHERE c.session_id = s.id AND c.state = 'connected');
