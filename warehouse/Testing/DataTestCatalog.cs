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

    private static IEnumerable<DataTest> Declared(ModelDefinition model)
    {
        if (model.UniqueKey.Count > 0)
        {
            var key = string.Join(", ", model.UniqueKey);
            yield return new DataTest($"unique_key({key})", model.Model, "error",
                $"SELECT {key}, count(*) AS copies FROM {model.Model} GROUP BY ALL HAVING count(*) > 1");
        }
        foreach (var column in model.Columns)
        {
            var c = column.Name;
            if (column.NotNull)
                yield return new DataTest($"not_null({c})", model.Model, column.Severity,
                    $"SELECT * FROM {model.Model} WHERE {c} IS NULL");
            if (column.Unique)
                yield return new DataTest($"unique({c})", model.Model, column.Severity,
                    $"SELECT {c}, count(*) AS copies FROM {model.Model} WHERE {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1");
            if (column.AcceptedValues.Count > 0)
            {
                var values = string.Join(", ", column.AcceptedValues.Select(value => "'" + value.Replace("'", "''") + "'"));
                yield return new DataTest($"accepted_values({c})", model.Model, column.Severity,
                    $"SELECT DISTINCT {c} FROM {model.Model} WHERE {c} IS NOT NULL AND CAST({c} AS VARCHAR) NOT IN ({values})");
            }
            if (column.Relationship is { } target)
            {
                var split = target.LastIndexOf('.');
                var (parent, parentColumn) = (target[..split], target[(split + 1)..]);
                yield return new DataTest($"relationship({c} -> {target})", model.Model, column.Severity,
                    $"SELECT DISTINCT child.{c} FROM {model.Model} AS child " +
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
