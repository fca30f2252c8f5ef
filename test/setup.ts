// Deterministic tests: every worker runs in UTC regardless of the host's time zone.
process.env.TZ = 'UTC';
