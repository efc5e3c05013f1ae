namespace Analytics.Notebooks;

/// <summary>
/// Something the person running a notebook can put right (an unknown district, a missing warehouse, plotly.js not
/// restored): its message is printed as it is, without a stack trace, and the notebook exits with its code.
/// </summary>
public sealed class NotebookException(string message, int exitCode = NotebookException.BadArguments) : Exception(message)
{
    /// <summary>The command line was not understood, or named something the warehouse does not hold (as the ETL's 64).</summary>
    public const int BadArguments = 64;

    /// <summary>No warehouse to read, or a file the report needs is missing.</summary>
    public const int NothingToRead = 2;

    public int ExitCode { get; } = exitCode;

    /// <summary>"Unknown district 'X'. Choose one of: ..." with every valid choice, one to a line.</summary>
    public static NotebookException UnknownChoice(string what, string asked, IEnumerable<string> choices) =>
        new($"Unknown {what} '{asked}'. Choose one of:\n  " + string.Join("\n  ", choices));
}
