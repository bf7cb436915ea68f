-- Flood control's times were TIMESTAMP (without time zone), the only such columns: PostgreSQL kept the JVM's
-- wall-clock time, so the night the clocks go back a post 20 minutes after the last one read as 40 minutes too
-- soon (PostQuotasTest). The driver sets the session's time zone to the JVM's, so the stored wall-clock times
-- are read back in that zone as they are converted.
ALTER TABLE post_quotas
    ALTER COLUMN last_post_at TYPE TIMESTAMPTZ USING last_post_at AT TIME ZONE current_setting('TimeZone'),
    ALTER COLUMN hour_started_at TYPE TIMESTAMPTZ USING hour_started_at AT TIME ZONE current_setting('TimeZone');
