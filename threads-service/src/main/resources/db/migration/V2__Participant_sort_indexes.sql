-- Indexes for GET /api/thread-participants sorted by any field.
--
-- The list query walks one key at a time: it orders by the first sort key and then by id, and it
-- splits the rows into a "key is null" and a "key is not null" segment so that every null
-- placement (asc, desc and the four explicit variants) is an index range read forwards or
-- backwards. A cursor bounds the first key with a plain comparison, so the last page of a large
-- thread starts where the cursor points instead of at the beginning of the index.

-- Within one thread (thread_id given, which non-administrators must do), ordered by <field>, id.
-- The user_id index also serves the membership check that scopes a non-administrator to their threads.
CREATE INDEX thread_participant_thread_user_idx ON thread_participant (tenant_id, thread_id, user_id, id);
CREATE INDEX thread_participant_thread_agent_idx ON thread_participant (tenant_id, thread_id, agent_id, id);
CREATE INDEX thread_participant_thread_swarm_idx ON thread_participant (tenant_id, thread_id, swarm_id, id);
CREATE INDEX thread_participant_thread_external_idx
    ON thread_participant (tenant_id, thread_id, external_identity, id);
CREATE INDEX thread_participant_thread_name_idx ON thread_participant (tenant_id, thread_id, display_name, id);
CREATE INDEX thread_participant_thread_joined_idx ON thread_participant (tenant_id, thread_id, joined_at, id);
CREATE INDEX thread_participant_thread_read_at_idx ON thread_participant (tenant_id, thread_id, last_read_at, id);
CREATE INDEX thread_participant_thread_read_msg_idx
    ON thread_participant (tenant_id, thread_id, last_read_message_id, id);

-- An administrator's list over the whole tenant (no thread_id), ordered by <field>, id. Sorting by
-- threadId is served by thread_participant_thread_idx (tenant_id, thread_id, id) from V1, by id by
-- thread_participant_tenant_idx (tenant_id, id).
CREATE INDEX thread_participant_tenant_user_idx ON thread_participant (tenant_id, user_id, id);
CREATE INDEX thread_participant_tenant_agent_idx ON thread_participant (tenant_id, agent_id, id);
CREATE INDEX thread_participant_tenant_swarm_idx ON thread_participant (tenant_id, swarm_id, id);
CREATE INDEX thread_participant_tenant_external_idx ON thread_participant (tenant_id, external_identity, id);
CREATE INDEX thread_participant_tenant_name_idx ON thread_participant (tenant_id, display_name, id);
CREATE INDEX thread_participant_tenant_joined_idx ON thread_participant (tenant_id, joined_at, id);
CREATE INDEX thread_participant_tenant_read_at_idx ON thread_participant (tenant_id, last_read_at, id);
CREATE INDEX thread_participant_tenant_read_msg_idx ON thread_participant (tenant_id, last_read_message_id, id);
