namespace Analytics.Notebooks;

/// <summary>
/// A notebook's command line: <c>--name value</c> pairs from a fixed list of names. Anything else is a
/// <see cref="NotebookException"/> that lists the names the notebook takes.
/// </summary>
public sealed class NotebookArguments
{
    /// <summary>Taken by every notebook.</summary>
    public static readonly IReadOnlyList<string> Common = ["warehouse", "out"];

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public NotebookArguments(IReadOnlyList<string> args, string usage, params string[] names)
    {
        var known = names.Concat(Common).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h") throw new NotebookException(usage, 0);
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is null || !known.Contains(name))
                throw new NotebookException($"'{arg}' is not an option of this notebook.\n{usage}");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new NotebookException($"--{name} needs a value.\n{usage}");
            values[name] = args[++i];
        }
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public string Required(string name, Func<string> choices) =>
        this[name] ?? throw new NotebookException($"--{name} is required. {choices()}");
}
