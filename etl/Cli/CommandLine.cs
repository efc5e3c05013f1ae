namespace Analytics.Etl.Cli;

/// <summary>The parsed command line: a command name and its options. Unknown options are usage errors.</summary>
public sealed record CommandLine(string Command, IReadOnlyDictionary<string, List<string>> Options, IReadOnlySet<string> Flags)
{
    private static readonly Dictionary<string, (string[] Options, string[] Flags)> Grammar = new()
    {
        ["run"] = (["--source", "--inbox", "--warehouse", "--keep", "--trigger", "--settings", "--log"], ["--fail-on-rejects", "--plain", "--download", "--accept-shrink", "--full-build"]),
        ["check"] = (["--warehouse", "--trigger", "--settings", "--log"], []),
        ["schedule"] = (["--warehouse", "--inbox", "--settings", "--log"], []),
        ["status"] = (["--warehouse", "--runs", "--settings"], ["--json"]),
        ["repair"] = (["--warehouse", "--settings", "--log"], []),
        ["template"] = (["--out"], []),
        ["help"] = ([], []),
    };

    public string? Option(string name) => Options.TryGetValue(name, out var values) ? values[^1] : null;
    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var values) ? values : [];
    public bool Has(string flag) => Flags.Contains(flag);

    /// <exception cref="UsageException">when the arguments do not fit the grammar.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h" || args.Contains("--help") || args.Contains("-h"))
            return new CommandLine("help", new Dictionary<string, List<string>>(), new HashSet<string>());
        var command = args[0];
        if (!Grammar.TryGetValue(command, out var grammar))
            throw new UsageException($"unknown command '{command}'");
        var options = new Dictionary<string, List<string>>();
        var flags = new HashSet<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var argument = args[i];
            var (name, inlineValue) = argument.Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (argument, null);
            if (grammar.Flags.Contains(name) && inlineValue is null) { flags.Add(name); continue; }
            if (!grammar.Options.Contains(name))
                throw new UsageException($"'{argument}' is not an option of '{command}'");
            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value"));
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            values.Add(value);
        }
        return new CommandLine(command, options, flags);
    }
}

public sealed class UsageException(string message) : Exception(message);
