-- Signed action links (GET /a/{token}) work once: each used link is remembered by the SHA-256 of
-- its token until it expires. Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE action_link_uses (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    incident_id VARCHAR(255) NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    user_id     VARCHAR(255) NOT NULL,
    command_id  VARCHAR(64)  NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT action_link_uses_action_known CHECK (action IN ('ACKNOWLEDGE', 'RESOLVE'))
);

CREATE INDEX action_link_uses_by_expiry ON action_link_uses (expires_at);
