-- What GET /sessions and GET /sessions/{id} show of each session beside the session row: the clients
-- of its connections and its server sessions, read for a whole page at once (tenant_id = ? and
-- session_id in (...)), in creation order. The older indexes of both tables lead with session_id
-- (the participants filter's joins) or cover only open connections, so neither serves these reads.

-- Serves the page's clients: its sessions' connections, each session's in id (connection) order.
CREATE INDEX mcp_connection_tenant_session_idx ON mcp_connection (tenant_id, session_id, id);

-- Serves the page's providers: its sessions' server sessions, each session's in id order.
CREATE INDEX mcp_session_provider_tenant_session_idx ON mcp_session_provider (tenant_id, session_id, id);
