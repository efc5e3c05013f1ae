using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Analytics.Etl.Plans;

/// <summary>
/// What a plan file may hold, checked before it is parsed. YamlDotNet builds its node tree by recursion (a file
/// nested 100,000 levels deep overflows the stack, which kills the process) and compares mapping keys by their whole
/// content (aliases used as keys multiply that with every level: minutes for a kilobyte). A plan needs neither, so
/// the file is first read as a stream of events, which holds no tree, and refused at the first thing past a limit.
/// </summary>
public static class PlanFileLimits
{
    /// <summary>The Kent plan is about 4 KB.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>A plan needs 6 levels: the file, objectives, an objective, measures, a measure, its crime types.</summary>
    public const int MaxDepth = 20;

    /// <exception cref="PlanDefinitionException">naming the line of the first thing past a limit.</exception>
    public static void Check(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxBytes)
            throw new PlanDefinitionException(1, $"the file is {size:N0} bytes; a plan file may be at most {MaxBytes:N0} bytes");
        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        throw new PlanDefinitionException(alias.Start.Line, $"the alias *{alias.Value} is not allowed in a plan file: write the value out in full");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        throw new PlanDefinitionException(parser.Current.Start.Line, $"the file is nested more than {MaxDepth} levels deep (a plan needs 6)");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception broken) when (broken is YamlException or InvalidOperationException)
        {
            // Not valid YAML before any limit was reached: parsing reports it with its line.
        }
    }
}
