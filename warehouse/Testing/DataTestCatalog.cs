using System.Text.RegularExpressions;
using Analytics.Warehouse.Schema;

namespace Analytics.Warehouse.Testing;

/// <summary>
/// Every data test: the generic ones declared in each model's YAML (not_null, unique, accepted_values,
/// relationship, unique_key) and the one-off queries in warehouse/tests/*.sql.
/// </summary>
public static partial class DataTestCatalog
{
    public static IReadOnlyList<DataTest> All { get; } = [.. ModelCatalog.All.SelectMany(Declared), .. Singular()];

    /// <summary>The temporary table a scoped test reads: its model's rows in the build's scope (<see cref="ScopedRows"/>).</summary>
    internal const string ScopedRowsTable = "build_scope_rows";

    /// <summary>
    /// The tests a model's YAML declares. For a model an incremental build maintains, each also has a form over only
    /// the rows in the build's scope: the rows outside it are those the same tests passed in the last build.
    /// </summary>
    private static IEnumerable<DataTest> Declared(ModelDefinition model)
    {
        var scoped = model.Incremental is not null ? ScopedRowsTable : null;
        DataTest Test(string name, string severity, Func<string, string> sql) =>
            new(name, model.Model, severity, sql(model.Model), scoped is null ? null : sql(scoped));

        if (model.UniqueKey.Count > 0)
        {
            var key = string.Join(", ", model.UniqueKey);
            yield return Test($"unique_key({key})", "error", relation => $"SELECT {key}, count(*) AS copies FROM {relation} GROUP BY ALL HAVING count(*) > 1");
        }
        foreach (var column in model.Columns)
        {
            var c = column.Name;
            if (column.NotNull)
                yield return Test($"not_null({c})", column.Severity, relation => $"SELECT * FROM {relation} WHERE {c} IS NULL");
            // A unique column that is the whole unique key is tested once, by unique_key.
            if (column.Unique && !model.UniqueKey.SequenceEqual([c]))
                yield return Test($"unique({c})", column.Severity,
                    relation => $"SELECT {c}, count(*) AS copies FROM {relation} WHERE {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1");
            if (column.AcceptedValues.Count > 0)
            {
                var values = string.Join(", ", column.AcceptedValues.Select(value => "'" + value.Replace("'", "''") + "'"));
                yield return Test($"accepted_values({c})", column.Severity,
                    relation => $"SELECT DISTINCT {c} FROM {relation} WHERE {c} IS NOT NULL AND CAST({c} AS VARCHAR) NOT IN ({values})");
            }
            if (column.Relationship is { } target)
            {
                var split = target.LastIndexOf('.');
                var (parent, parentColumn) = (target[..split], target[(split + 1)..]);
                yield return Test($"relationship({c} -> {target})", column.Severity,
                    relation => $"SELECT DISTINCT child.{c} FROM {relation} AS child " +
                                $"WHERE child.{c} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} AS parent WHERE parent.{parentColumn} = child.{c})");
            }
        }
    }

    private static IEnumerable<DataTest> Singular() =>
        EmbeddedSql.List("tests/").Select(resource =>
        {
            var sql = EmbeddedSql.Read(resource);
            var model = ModelHeader().Match(sql) is { Success: true } m ? m.Groups[1].Value : "(warehouse)";
            var severity = SeverityHeader().Match(sql) is { Success: true } s ? s.Groups[1].Value : "error";
            return new DataTest(Path.GetFileNameWithoutExtension(resource), model, severity, sql);
        });

    [GeneratedRegex(@"^--\s*model:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModelHeader();

    [GeneratedRegex(@"^--\s*severity:\s*(error|warn)", RegexOptions.Multiline)]
    private static partial Regex SeverityHeader();
}
