-- Sessions of the web console. Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- A person signs in with an API token; the browser then holds only a random session id (in an
-- HttpOnly, SameSite=Strict cookie), stored here as its SHA-256 like the tokens. The session acts
-- with its token's name and role for as long as that token exists: revoking the token ends it.
CREATE TABLE console_sessions (
    session_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    token_hash   VARCHAR(64)  NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX console_sessions_by_token ON console_sessions (token_hash);
