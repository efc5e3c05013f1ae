namespace Analytics.Etl.Loading;

public enum FileOutcome { Loaded, Unchanged, Skipped }

/// <summary>What happened to one file in a run.</summary>
public sealed record LoadedFile(
    string SourcePath, string Kind, FileOutcome Outcome, long RowsRead, long RowsLoaded, long RowsRejected,
    string? Note = null, int? FileId = null, int? Superseded = null);
