-- RealtimeKit meeting sessions and everything recorded about them. Every key leads with tenant_id:
-- ids may be chosen by the client (for idempotent retries), so they are unique per tenant only.

CREATE TABLE rtk_session (
    tenant_id                   text          NOT NULL,
    id                          uuid          NOT NULL,
    app_id                      text          NOT NULL,
    associated_id               text          NOT NULL,   -- the meeting this session belongs to
    meeting_display_name        text          NOT NULL,
    type                        text          NOT NULL CHECK (type IN ('meeting', 'livestream', 'participant')),
    status                      text          NOT NULL CHECK (status IN ('LIVE', 'ENDED')),
    meta                        jsonb         NOT NULL DEFAULT '{}'::jsonb,
    started_at                  timestamptz   NOT NULL,
    ended_at                    timestamptz,
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    -- Derived from the participants' intervals and rewritten in the same transaction as every join,
    -- leave and end, so reads and sorts never disagree with what was recorded.
    participant_count           integer       NOT NULL DEFAULT 0,
    live_participants           integer       NOT NULL DEFAULT 0,
    max_concurrent_participants integer       NOT NULL DEFAULT 0,
    minutes_consumed            numeric(14,2) NOT NULL DEFAULT 0,   -- participant-minutes of finished intervals
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'ENDED') = (ended_at IS NOT NULL))
);

-- GET /sessions sorted by createdAt (either direction), optionally filtered by start_time/end_time on started_at.
CREATE INDEX rtk_session_app_created_idx ON rtk_session (tenant_id, app_id, created_at, id);
-- GET /sessions?sort_by=minutesConsumed.
CREATE INDEX rtk_session_app_minutes_idx ON rtk_session (tenant_id, app_id, minutes_consumed, id);
-- GET /sessions?associated_id=... (any sort: one meeting has few sessions).
CREATE INDEX rtk_session_app_meeting_idx ON rtk_session (tenant_id, app_id, associated_id, created_at);
-- GET /sessions?status=... sorted by createdAt.
CREATE INDEX rtk_session_app_status_idx ON rtk_session (tenant_id, app_id, status, created_at, id);
-- GET /sessions?start_time=..&end_time=.. (range on started_at).
CREATE INDEX rtk_session_app_started_idx ON rtk_session (tenant_id, app_id, started_at);

-- One peer: a participant's single stay in a session (a rejoin is a new peer, as in RealtimeKit).
CREATE TABLE rtk_participant (
    tenant_id             text          NOT NULL,
    id                    uuid          NOT NULL,   -- the peer id
    session_id            uuid          NOT NULL,
    user_id               text,
    custom_participant_id text,
    display_name          text          NOT NULL,
    preset_name           text,
    joined_at             timestamptz   NOT NULL,
    left_at               timestamptz,
    duration_minutes      numeric(14,2),            -- set when the peer leaves
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES rtk_session (tenant_id, id),
    CHECK (left_at IS NULL OR left_at >= joined_at),
    CHECK ((left_at IS NULL) = (duration_minutes IS NULL))
);

-- GET /sessions/{id}/participants sorted by joinedAt, and the join/leave sweep of a session.
CREATE INDEX rtk_participant_session_joined_idx ON rtk_participant (tenant_id, session_id, joined_at, id);
-- GET /sessions/{id}/participants?sort_by=duration.
CREATE INDEX rtk_participant_session_duration_idx ON rtk_participant (tenant_id, session_id, duration_minutes, id);

CREATE TABLE rtk_peer_event (
    tenant_id         text          NOT NULL,
    id                uuid          NOT NULL,
    session_id        uuid          NOT NULL,
    peer_id           uuid          NOT NULL,
    event_name        text          NOT NULL CHECK (event_name IN ('PEER_CREATED', 'PEER_JOINING', 'PEER_LEAVING')),
    preset_view_type  text          CHECK (preset_view_type IN ('GROUP_CALL', 'WEBINAR', 'AUDIO_ROOM', 'LIVESTREAM', 'CHAT')),
    socket_session_id text,
    minutes_consumed  numeric(14,2),
    created_at        timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, peer_id) REFERENCES rtk_participant (tenant_id, id)
);

-- include_peer_events: the events of a page of peers, in time order, fetched in one query.
CREATE INDEX rtk_peer_event_peer_idx ON rtk_peer_event (tenant_id, peer_id, created_at, id);

-- A peer's call statistics, as the client SDK reports them.
CREATE TABLE rtk_peer_report (
    tenant_id  text        NOT NULL,
    peer_id    uuid        NOT NULL,
    metadata   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    quality    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, peer_id),
    FOREIGN KEY (tenant_id, peer_id) REFERENCES rtk_participant (tenant_id, id)
);

CREATE TABLE rtk_chat_message (
    tenant_id    text        NOT NULL,
    id           uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    peer_id      uuid        NOT NULL,
    payload_type text        NOT NULL CHECK (payload_type IN ('text', 'image', 'file')),
    payload      text        NOT NULL,
    pinned       boolean     NOT NULL DEFAULT false,
    is_edited    boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, peer_id) REFERENCES rtk_participant (tenant_id, id)
);

-- The chat CSV download: one session's messages streamed in time order.
CREATE INDEX rtk_chat_message_session_idx ON rtk_chat_message (tenant_id, session_id, created_at, id);

CREATE TABLE rtk_transcript_segment (
    tenant_id  text    NOT NULL,
    id         uuid    NOT NULL,
    session_id uuid    NOT NULL,
    peer_id    uuid    NOT NULL,
    start_ms   bigint  NOT NULL CHECK (start_ms >= 0),   -- offset from the session's start
    end_ms     bigint  NOT NULL,
    text       text    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, peer_id) REFERENCES rtk_participant (tenant_id, id),
    CHECK (end_ms >= start_ms)
);

-- Transcript downloads and the summarizer: one session's segments streamed in time order.
CREATE INDEX rtk_transcript_segment_session_idx ON rtk_transcript_segment (tenant_id, session_id, start_ms, id);

-- The latest generated summary of a session: its key sentences, rendered as text or markdown on download.
CREATE TABLE rtk_summary (
    tenant_id    text        NOT NULL,
    session_id   uuid        NOT NULL,
    generator    text        NOT NULL,
    highlights   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES rtk_session (tenant_id, id)
);
