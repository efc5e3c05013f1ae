using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Schema;

/// <summary>The kinds of build meta.model_builds records.</summary>
public static class BuildKind
{
    /// <summary>Every model made anew from the raw tables.</summary>
    public const string Full = "full";
    /// <summary>The models that declare <c>incremental</c> keep their rows outside the run's scope.</summary>
    public const string Incremental = "incremental";
}

/// <summary>What one build did, as meta.model_builds records it.</summary>
public sealed record ModelBuild(string Kind, string Reason, int? FilesInScope, long? CrimesInScope, int? MonthsInScope);

/// <summary>
/// Decides whether a run's models may be built incrementally and fills the scope such a build works on: the files the
/// run loaded or superseded, every Crime ID with a row in them (so that a crime is ranked again among all its rows),
/// and every month with a record of those (before and after), whose counts are made again. The scope lives in
/// temporary tables that the macros of warehouse/scope/changed_rows.sql read; a full build, and every published
/// snapshot, has those of warehouse/macros/build_scope.sql instead, which take every row.
/// </summary>
internal static class BuildScope
{
    private static readonly string[] FingerprintedFolders = ["models/", "macros/", "scope/", "seeds/", "migrations/"];

    /// <summary>SHA-256 of the model, macro, scope, seed and migration files compiled in and of the DuckDB engine's version
    /// (whose hash() the models store, intermediate.crime_hash): incremental only on models they built.</summary>
    public static string Fingerprint { get; } = ComputeFingerprint();

    /// <summary>
    /// A full build, saying why, or an incremental one with its scope filled (from the models as the last build left
    /// them: call before any is touched).
    /// </summary>
    public static ModelBuild Decide(DuckDBConnection connection, string runId, bool full)
    {
        if (full) return new ModelBuild(BuildKind.Full, "a full build was asked for", null, null, null);
        // The run's files, loaded or superseded.
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE build_scope_files AS
            SELECT file_id FROM meta.source_files
            WHERE run_id = $run_id OR superseded_by IN (SELECT file_id FROM meta.source_files WHERE run_id = $run_id);
            """, new { run_id = runId });
        if (WhyFull(connection, runId) is { } reason) return new ModelBuild(BuildKind.Full, reason, null, null, null);
        var (files, crimes, months) = Fill(connection);
        return new ModelBuild(BuildKind.Incremental, "the run changed only police files", files, crimes, months);
    }

    /// <summary>The fingerprint of the code that last built the warehouse's models, or null before any build.</summary>
    public static string? LastFingerprint(DuckDBConnection connection) =>
        connection.QueryFirstOrDefault<string>("SELECT fingerprint FROM meta.model_builds ORDER BY built_at DESC LIMIT 1");

    /// <summary>Why this run must build every model anew, or null when an incremental build gives the same tables.</summary>
    private static string? WhyFull(DuckDBConnection connection, string runId)
    {
        var last = LastFingerprint(connection);
        if (last is null) return "no earlier build of the models in this warehouse";
        if (last != Fingerprint) return "the models, macros, seeds, migrations or DuckDB version changed since the last build";
        var tables = connection.Query<string>(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_type = 'BASE TABLE'").ToHashSet();
        if (ModelCatalog.All.FirstOrDefault(model => model.MaintainedIncrementally && !tables.Contains(model.Model)) is { } missing)
            return $"{missing.Model} is missing";
        var fullKinds = connection.Query<string>("""
            SELECT DISTINCT files.source_kind
            FROM meta.source_files AS files
            LEFT JOIN seeds.source_kinds AS kinds ON kinds.source_kind = files.source_kind
            WHERE files.file_id IN (SELECT file_id FROM build_scope_files) AND NOT coalesce(kinds.builds_incrementally, false)
            ORDER BY 1
            """).ToList();
        if (fullKinds.Count > 0) return $"the run changed files built only in full ({string.Join(", ", fullKinds)})";
        // Maintaining rows costs more than making them: past as many rows as are built, making every one anew is quicker.
        var (loaded, built) = connection.QuerySingle<(long, long)>("""
            SELECT (SELECT coalesce(sum(rows_loaded), 0) FROM meta.source_files WHERE run_id = $run_id AND source_kind = 'police_street'),
                   (SELECT count(*) FROM core.fct_crime_records)
            """, new { run_id = runId });
        return loaded > built ? $"the run loaded {loaded:N0} street rows beside {built:N0} already built: building every row anew is quicker" : null;
    }

    /// <summary>
    /// Puts back the scope macros that take every row (warehouse/macros/build_scope.sql), once an incremental build's
    /// data tests are done: a published snapshot must not need this run's temporary tables.
    /// </summary>
    public static void End(DuckDBConnection connection) => connection.Execute(EmbeddedSql.Read("macros/build_scope.sql"));

    /// <summary>
    /// Fills the rest of the scope from the run's files and the models as the last build left them, then makes the
    /// scope macros read it.
    /// </summary>
    private static (int Files, long Crimes, int Months) Fill(DuckDBConnection connection)
    {
        // Rows of superseded files are gone from the raw tables: their Crime IDs come from the models built from them
        // (every street row with a Crime ID is counted in the facts or set aside in the ranking).
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE build_scope_crimes AS
            SELECT crime_id FROM raw.police_street WHERE file_id IN (SELECT file_id FROM build_scope_files) AND crime_id IS NOT NULL
            UNION
            SELECT crime_id FROM raw.police_outcomes WHERE file_id IN (SELECT file_id FROM build_scope_files) AND crime_id IS NOT NULL
            UNION
            SELECT crime_id FROM core.fct_crime_records WHERE source_file_id IN (SELECT file_id FROM build_scope_files) AND crime_id IS NOT NULL
            UNION
            SELECT crime_id FROM intermediate.int_street_records_ranked WHERE file_id IN (SELECT file_id FROM build_scope_files)
            UNION
            SELECT crime_id FROM core.fct_outcome_events WHERE source_file_id IN (SELECT file_id FROM build_scope_files) AND crime_id IS NOT NULL;
            """);
        // The rows of those Crime IDs in other files: the one pass over every row, by the eight-byte hash of its Crime ID
        // (intermediate.crime_hash) rather than the 64-character ID. Their files join the run's as the files touched,
        // which the macros test a row against first; and only a row in one of those other files needs its Crime ID
        // looked up (every row of the run's own files is in scope), so the macros look up only the Crime IDs hashed
        // alike there: none at all when the run's Crime IDs are new. Two IDs with one hash only widen the scope (the
        // macros compare the IDs themselves), so the scope is still exact.
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE build_scope_crime_hashes AS
            SELECT DISTINCT intermediate.crime_hash(crime_id) AS crime_hash FROM build_scope_crimes;
            CREATE OR REPLACE TEMP TABLE build_scope_rows_elsewhere AS
            SELECT source_file_id AS file_id, crime_hash FROM core.fct_crime_records WHERE crime_hash IN (SELECT crime_hash FROM build_scope_crime_hashes)
            UNION ALL
            SELECT file_id, crime_hash FROM intermediate.int_street_records_ranked WHERE crime_hash IN (SELECT crime_hash FROM build_scope_crime_hashes)
            UNION ALL
            SELECT source_file_id, crime_hash FROM core.fct_outcome_events WHERE crime_hash IN (SELECT crime_hash FROM build_scope_crime_hashes);
            DELETE FROM build_scope_rows_elsewhere WHERE file_id IN (SELECT file_id FROM build_scope_files);
            CREATE OR REPLACE TEMP TABLE build_scope_crimes_elsewhere AS
            SELECT crime_id FROM build_scope_crimes
            WHERE intermediate.crime_hash(crime_id) IN (SELECT crime_hash FROM build_scope_rows_elsewhere);
            CREATE OR REPLACE TEMP TABLE build_scope_touched_files AS
            SELECT file_id FROM build_scope_files UNION SELECT file_id FROM build_scope_rows_elsewhere;
            SET VARIABLE build_scope_first_file = (SELECT min(file_id) FROM build_scope_touched_files);
            SET VARIABLE build_scope_last_file = (SELECT max(file_id) FROM build_scope_touched_files);
            CREATE OR REPLACE TEMP TABLE build_scope_records AS
            SELECT source_file_id AS file_id, source_line_number AS line_number FROM core.fct_crime_records LIMIT 0;
            CREATE OR REPLACE TEMP TABLE build_scope_months (month_key INTEGER);
            """);
        connection.Execute(EmbeddedSql.Read("scope/changed_rows.sql"));
        // The counted records in scope as the last build left them: a model without a Crime ID deletes its rows by these.
        connection.Execute("""
            INSERT INTO build_scope_records
            SELECT source_file_id, source_line_number FROM core.fct_crime_records
            WHERE intermediate.in_crime_scope(crime_id, source_file_id);
            """);
        // A month whose counts may change: one where a record in scope was counted, or where one may be counted now.
        connection.Execute("""
            INSERT INTO build_scope_months
            SELECT month_key FROM core.fct_crime_records
            WHERE intermediate.in_crime_scope(crime_id, source_file_id) AND month_key IS NOT NULL
            UNION
            SELECT year(month) * 100 + month(month) FROM staging.stg_police__street_records
            WHERE intermediate.in_crime_scope(crime_id, file_id) AND month IS NOT NULL;
            SET VARIABLE build_scope_first_month = (SELECT min(month_key) FROM build_scope_months);
            SET VARIABLE build_scope_last_month = (SELECT max(month_key) FROM build_scope_months);
            """);
        return connection.QuerySingle<(int, long, int)>("""
            SELECT (SELECT count(*) FROM build_scope_files)::INTEGER, (SELECT count(*) FROM build_scope_crimes),
                   (SELECT count(*) FROM build_scope_months)::INTEGER
            """);
    }

    private static string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var engine = new DuckDBConnection("DataSource=:memory:")) hash.AppendData(Encoding.UTF8.GetBytes("duckdb " + engine.ServerVersion + "\n"));
        foreach (var resource in FingerprintedFolders.SelectMany(EmbeddedSql.List))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(resource + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(EmbeddedSql.Read(resource) + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
