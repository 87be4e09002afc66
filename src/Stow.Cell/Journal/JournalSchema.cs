namespace Stow.Cell.Journal;

/// <summary>The journal's SQLite schema (version <see cref="Version"/>, kept in <c>PRAGMA user_version</c>).</summary>
internal static class JournalSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS pods(
          pod_id TEXT PRIMARY KEY, pod_type TEXT NOT NULL, registered_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS bins(
          pod_id TEXT NOT NULL REFERENCES pods(pod_id), bin_id TEXT NOT NULL, PRIMARY KEY(pod_id, bin_id));
        CREATE TABLE IF NOT EXISTS items(
          item_id TEXT PRIMARY KEY, name TEXT NOT NULL,
          length_m REAL NOT NULL, width_m REAL NOT NULL, height_m REAL NOT NULL, mass_kg REAL NOT NULL,
          location TEXT NOT NULL CHECK(location IN ('Buffer','InFlight','Bin','Exception')),
          pod_id TEXT, bin_id TEXT,
          needs_verification INTEGER NOT NULL DEFAULT 0,
          inducted_at TEXT NOT NULL, updated_at TEXT NOT NULL,
          CHECK((location IN ('Bin','InFlight')) = (pod_id IS NOT NULL AND bin_id IS NOT NULL)),
          FOREIGN KEY(pod_id, bin_id) REFERENCES bins(pod_id, bin_id));
        CREATE INDEX IF NOT EXISTS items_by_bin ON items(pod_id, bin_id);
        CREATE TABLE IF NOT EXISTS attempts(
          attempt_id INTEGER PRIMARY KEY AUTOINCREMENT,
          item_id TEXT NOT NULL REFERENCES items(item_id),
          pod_id TEXT NOT NULL, bin_id TEXT NOT NULL, chain TEXT NOT NULL, predicted_p REAL NOT NULL,
          plan TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
          outcome TEXT CHECK(outcome IS NULL OR outcome IN ('Stowed','Unproductive','Defect','Interrupted')),
          detail TEXT NOT NULL DEFAULT '', perceive_s REAL, decide_s REAL, act_s REAL,
          FOREIGN KEY(pod_id, bin_id) REFERENCES bins(pod_id, bin_id));
        CREATE UNIQUE INDEX IF NOT EXISTS one_open_attempt_per_item ON attempts(item_id) WHERE outcome IS NULL;
        CREATE TABLE IF NOT EXISTS item_events(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          item_id TEXT NOT NULL REFERENCES items(item_id), at TEXT NOT NULL,
          from_loc TEXT, from_pod TEXT, from_bin TEXT,
          to_loc TEXT NOT NULL, to_pod TEXT, to_bin TEXT,
          attempt_id INTEGER REFERENCES attempts(attempt_id), note TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_item ON item_events(item_id, seq);
        CREATE TABLE IF NOT EXISTS operator_acks(
          prompt_id TEXT PRIMARY KEY, kind TEXT NOT NULL, operator TEXT NOT NULL, channel TEXT NOT NULL,
          response TEXT NOT NULL, issued_at TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS operator_prompts(
          prompt_id TEXT PRIMARY KEY, kind TEXT NOT NULL, message TEXT NOT NULL, issued_at TEXT NOT NULL,
          pod_id TEXT, bin_id TEXT, item_id TEXT,
          closed_at TEXT, closed_how TEXT CHECK(closed_how IS NULL OR closed_how IN ('acknowledged','withdrawn')));
        PRAGMA user_version = 1;
        """;
}
