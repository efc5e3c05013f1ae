namespace Analytics.Etl.Pipeline;

/// <summary>The ETL's exit codes, for schedulers and monitoring. Documented in --help and the README.</summary>
public enum ExitCode
{
    /// <summary>A snapshot was published, or there was nothing new to load.</summary>
    Success = 0,
    /// <summary>A source file could not be read at all; the message names it. Nothing was published.</summary>
    SourceUnreadable = 1,
    /// <summary>A data test failed; nothing was published.</summary>
    DataTestsFailed = 2,
    /// <summary>Published, but rows were rejected and --fail-on-rejects was given.</summary>
    RowsRejected = 3,
    /// <summary>Another run holds this warehouse; try again later.</summary>
    Busy = 4,
    /// <summary>Something else went wrong (disk full, permissions); nothing was published.</summary>
    Unexpected = 5,
    /// <summary>Stopped by Ctrl+C or SIGTERM before it finished; nothing was published.</summary>
    Stopped = 6,
    /// <summary>The command line was not understood.</summary>
    Usage = 64,
}
