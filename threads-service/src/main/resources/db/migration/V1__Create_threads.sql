-- Threads: where users, agents and swarms of agents talk.
CREATE TABLE thread (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    title       text,
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Who takes part in a thread: exactly one of a user, an agent, a swarm or an external identity.
CREATE TABLE thread_participant (
    id                   uuid        PRIMARY KEY,
    tenant_id            text        NOT NULL,
    thread_id            uuid        NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
    user_id              text,
    agent_id             text,
    swarm_id             text,
    external_identity    text,
    display_name         text,
    joined_at            timestamptz NOT NULL,
    last_read_message_id text,
    last_read_at         timestamptz,
    CHECK (num_nonnulls(user_id, agent_id, swarm_id, external_identity) = 1)
);

-- Serves GET /api/thread-participants?thread_id=...: one thread of the caller's tenant, paged by id.
CREATE INDEX thread_participant_thread_idx ON thread_participant (tenant_id, thread_id, id);
-- Serves an administrator's list without thread_id: the whole tenant, paged by id.
CREATE INDEX thread_participant_tenant_idx ON thread_participant (tenant_id, id);

-- The same user, agent, swarm or external identity joins a thread at most once; the user index
-- also serves the membership check that scopes a non-administrator to their own threads.
CREATE UNIQUE INDEX thread_participant_user_uq ON thread_participant (thread_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX thread_participant_agent_uq ON thread_participant (thread_id, agent_id) WHERE agent_id IS NOT NULL;
CREATE UNIQUE INDEX thread_participant_swarm_uq ON thread_participant (thread_id, swarm_id) WHERE swarm_id IS NOT NULL;
CREATE UNIQUE INDEX thread_participant_external_uq ON thread_participant (thread_id, external_identity)
    WHERE external_identity IS NOT NULL;
