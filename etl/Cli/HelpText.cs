namespace Analytics.Etl.Cli;

public static class HelpText
{
    public const string Text = """
        analytics-etl: loads police recorded crime, ONS geography and population data, funding and service returns
        and plan definitions into the DuckDB warehouse, by hand or on a schedule.

        Usage:
          dotnet run --project etl -- run --source PATH [--source PATH ...] [--warehouse DIR] [options]
          dotnet run --project etl -- run [--inbox DIR] [--download] [options]
          dotnet run --project etl -- check [--warehouse DIR]
          dotnet run --project etl -- schedule [--warehouse DIR] [--inbox DIR] [--settings FILE] [--log text|json]
          dotnet run --project etl -- status [--warehouse DIR] [--json] [--runs N]
          dotnet run --project etl -- repair [--warehouse DIR]
          dotnet run --project etl -- template --out DIR
          dotnet run --project etl -- help

        Commands:
          run       Loads every new or changed file under each PATH: a folder (searched recursively), a single
                    CSV, or a zip archive exactly as data.police.uk serves it (YYYY-MM/YYYY-MM-<force>-street.csv).
                    Works on a private copy, runs the data tests, and only then publishes a new snapshot.
                    Files already loaded (same SHA-256) are passed over; a republished force-month replaces the
                    earlier one. Rows that fail their checks are rejected and kept with file, line, field and reason.
                    With no --source, loads the inbox (Etl:Inbox in etlsettings.json, or --inbox): every file that
                    has settled (unchanged for Etl:SettleSeconds) is loaded, then moved to processed/RUN/ or
                    rejected/RUN/ with a .txt beside it saying why. Unreadable files are rejected and the rest run
                    again at once. --download first fetches the newest data.police.uk month (Etl:Download).
          check     Runs every data test on the published snapshot and records the result as a run.
          schedule  Runs until Ctrl+C or SIGTERM, starting the jobs of Etl:Schedule on their cron schedules (Quartz.NET):
                    inbox, download or check. Runs never overlap; a firing missed while no scheduler ran is made up
                    once at start. On stop, the current run stops at its next step and publishes nothing.
          status    Shows the published snapshot, how fresh each source is, and the latest runs, failed ones too.
          repair    When published.json is unreadable or names a snapshot that is gone (status and run say so),
                    publishes the newest intact snapshot in snapshots/ again. If none is left, moves the broken
                    published.json aside and says to rebuild the warehouse with run --source PATH (exit 5).
          template  Writes blank templates for funding returns (CSV and Excel), service returns and plan
                    definitions to DIR (see etl/README.md).

        Options:
          --source PATH       a folder, CSV file or zip archive to load (repeat for several)
          --inbox DIR         the inbox folder (else Etl:Inbox; run uses it only when no --source is given)
          --download          fetch the newest police month into the inbox first (needs Etl:Download settings)
          --warehouse DIR     the warehouse folder; else the Warehouse__Directory environment variable; else
                              warehouse-data in the repository, the folder the dashboard reads by default
          --settings FILE     a JSON settings file read over appsettings.json and etlsettings.json
          --keep N            snapshots to keep after publishing (default Etl:SnapshotsToKeep, 1; the published one is always kept)
          --trigger NAME      what started the run, recorded with it (default manual)
          --fail-on-rejects   exit 3 when any row was rejected (the snapshot is still published)
          --accept-shrink     load a republished police force-month even though it lost more of its records than
                              Etl:MaxShrinkPercent (50) allows; without it such a file is refused (exit 1)
          --full-build        build every model anew; by default a run that changed only police files rebuilds
                              only the rows of the crimes and months those files touch
          --plain             log lines instead of a progress display, even on a terminal
          --log text|json     one log line per event, as text or as JSON with the run id (schedule: json by default)
          --json              status as JSON (published_snapshot, attention, sources, runs)
          --runs N            how many runs status lists (default 10)
          --out DIR           where template writes the blank templates

        Recognised files: data.police.uk street and outcomes files (stop-and-search files are recognised and
        passed over); ONS LSOA (2011 or 2021) to district lookups and the 2011-to-2021 exact-fit lookup; the ONS
        district to Community Safety Partnership to police force area lookup; ONS CSP and PFA names and codes; the
        district code history (LADCD to LADCD_ACTIVE); ONS mid-year population estimates (mid-YEAR in the file name,
        or a series with pop_midYYYY columns) and LSOA estimates; ONS statistical nearest neighbours; funding returns
        (CSV or Excel) and service returns in the project's templates; plan definitions (YAML). Geography loads
        first in a run, so funding returns can be checked against it. Other file types are passed over and listed.

        Exit codes:
          0   published a snapshot, or there was nothing new to load
          1   a source file could not be read (wrong header, not CSV, broken or unsafe zip) or was refused (a
              republished police month that lost most of its records: --accept-shrink); nothing published
              (from an inbox: the file was moved to rejected/ and the other files were loaded by a second run)
          2   a data test failed; nothing published
          3   rows were rejected and --fail-on-rejects was given; the snapshot was published
          4   another run is in progress on this warehouse
          5   the run stopped for another reason (disk full, permissions, a read-only warehouse folder, download
              failed, a published snapshot that is missing or unreadable: see repair); nothing published
          6   the run was stopped by Ctrl+C or SIGTERM before it finished; nothing published
          64  the command line or a setting was not understood
        """;
}
