namespace Analytics.Etl.Pipeline;

/// <summary>
/// How far the loading of a run's files has come after one file: that file's pace, and the whole run's, with an
/// estimate of the time left. Files differ in size, so the estimate goes by bytes (a file's rows are only known once
/// it is read): the time so far, shared out over the bytes still to read.
/// </summary>
/// <param name="File">The file just done, as the run names it.</param>
/// <param name="FileRows">Rows the file held (read, whether loaded or rejected).</param>
/// <param name="FileSeconds">How long the file took.</param>
public sealed record LoadProgress(string File, long FileRows, double FileSeconds,
    int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, long RowsDone, double Seconds)
{
    public double FileRowsPerSecond => FileSeconds > 0 ? FileRows / FileSeconds : 0;
    public double RowsPerSecond => Seconds > 0 ? RowsDone / Seconds : 0;

    /// <summary>Seconds still to go at the pace so far; null before any bytes are read.</summary>
    public double? SecondsLeft => BytesDone > 0 ? Seconds * (BytesTotal - BytesDone) / BytesDone : null;

    /// <summary>One line for a person: "3 of 10 files (41 of 120 MB), 45,210 rows a second, about 2 min left".</summary>
    public string Describe() =>
        $"{FilesDone:N0} of {FilesTotal:N0} files ({Megabytes(BytesDone)} of {Megabytes(BytesTotal)} MB), this file {FileRowsPerSecond:N0} rows a second, "
        + $"all files {RowsPerSecond:N0} rows a second, {Left()}";

    private string Left() => SecondsLeft switch
    {
        null => "time left not known yet",
        < 1 => "loading done",
        < 90 => $"about {SecondsLeft:N0} s left",
        _ => $"about {SecondsLeft / 60:N0} min left",
    };

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
