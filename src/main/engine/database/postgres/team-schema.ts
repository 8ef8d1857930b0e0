// What makes a PostgreSQL database a team's, beyond its tables: the two groups a login belongs to and
// what each may do, enforced by PostgreSQL's grants rather than by the app; who decided, stamped from
// the logged-in role; and a notice on every change, which each desktop's change feed LISTENs for.
// Run by `team init` after the migrations; running it again changes nothing.
export const MODERATORS = 'sieve_moderator'
export const LEADS = 'sieve_lead'

/**
 * The settings a moderator may change: their own screen, kept under "<key>@<login>" (a lead's plain "<key>"
 * is the team's default). The scoring settings, rules, word lists and shifts are the leads'.
 */
export const PERSONAL_SETTINGS = ['keymap', 'savedViews', 'tableLayout'] as const

const personal = PERSONAL_SETTINGS.map((key) => `'${key}@' || session_user`).join(', ')

export const teamSchema = (database: string) => /* sql */ `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${MODERATORS}') THEN CREATE ROLE ${MODERATORS} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${LEADS}') THEN CREATE ROLE ${LEADS} NOLOGIN IN ROLE ${MODERATORS}; END IF;
END $$;

-- Soft claims on the comments a moderator is reading (a lease, renewed while shown).
CREATE TABLE IF NOT EXISTS claims (
  comment_id  bigint PRIMARY KEY REFERENCES comments(id),
  moderator   text NOT NULL,
  expires_at  timestamptz NOT NULL
);

-- Only Sieve's logins reach this database.
REVOKE CONNECT, TEMPORARY ON DATABASE "${database.replaceAll('"', '""')}" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "${database.replaceAll('"', '""')}" TO ${MODERATORS};
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${MODERATORS};
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${MODERATORS};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${MODERATORS};

-- Moderators decide, escalate, report; their desktops pull, score what arrives and push decisions.
GRANT INSERT ON decisions TO ${MODERATORS};
GRANT INSERT, UPDATE ON comments, articles, authors, scorings, scores, score_cache, batches, escalations, outbox, statement_exports, model_lineage TO ${MODERATORS};
GRANT DELETE ON scorings, scores TO ${MODERATORS};
GRANT UPDATE (cursor) ON sources TO ${MODERATORS};
GRANT SELECT, INSERT, UPDATE, DELETE ON claims TO ${MODERATORS};
GRANT INSERT, UPDATE ON settings TO ${MODERATORS};
-- Leads also change the sources, the thresholds, rules and word lists (the 'scoring' setting).
GRANT INSERT, UPDATE, DELETE ON sources, settings TO ${LEADS};

ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS settings_read ON settings;
DROP POLICY IF EXISTS settings_personal ON settings;
DROP POLICY IF EXISTS settings_lead ON settings;
CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_personal ON settings FOR ALL TO ${MODERATORS} USING (key IN (${personal})) WITH CHECK (key IN (${personal}));
CREATE POLICY settings_lead ON settings FOR ALL TO ${LEADS} USING (true) WITH CHECK (true);

-- Who decided is who is logged in: a client cannot write another name into the log. An automatic
-- rule's decision names the rules and who set them running.
CREATE OR REPLACE FUNCTION sieve_stamp_moderator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.moderator = 'Sieve rules' THEN
    NEW.moderator := 'Sieve rules, run by ' || session_user::text;
  ELSE
    NEW.moderator := session_user::text;
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER batches_moderator BEFORE INSERT ON batches FOR EACH ROW EXECUTE FUNCTION sieve_stamp_moderator();
CREATE OR REPLACE TRIGGER decisions_moderator BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION sieve_stamp_moderator();
CREATE OR REPLACE TRIGGER escalations_moderator BEFORE INSERT ON escalations FOR EACH ROW EXECUTE FUNCTION sieve_stamp_moderator();
CREATE OR REPLACE TRIGGER claims_moderator BEFORE INSERT OR UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION sieve_stamp_moderator();

-- One notice per statement that changes what windows show; PostgreSQL folds repeats within a transaction.
CREATE OR REPLACE FUNCTION sieve_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sieve_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER decisions_notify AFTER INSERT ON decisions FOR EACH STATEMENT EXECUTE FUNCTION sieve_notify();
CREATE OR REPLACE TRIGGER comments_notify AFTER INSERT OR UPDATE ON comments FOR EACH STATEMENT EXECUTE FUNCTION sieve_notify();
CREATE OR REPLACE TRIGGER escalations_notify AFTER INSERT OR UPDATE ON escalations FOR EACH STATEMENT EXECUTE FUNCTION sieve_notify();
CREATE OR REPLACE TRIGGER claims_notify AFTER INSERT OR UPDATE OR DELETE ON claims FOR EACH STATEMENT EXECUTE FUNCTION sieve_notify();
CREATE OR REPLACE TRIGGER outbox_notify AFTER INSERT OR UPDATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION sieve_notify();
`
