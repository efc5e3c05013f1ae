using Analytics.Tests.Support;
using Analytics.Warehouse.Schema;

namespace Analytics.Tests.Warehouse;

/// <summary>The documentation keeps up with the schema: every mart and column in warehouse/README.md, every model described.</summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class DocumentationTests(SampleWarehouseFixture sample)
{
    [Fact]
    public void Every_mart_and_each_of_its_columns_is_documented()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "warehouse", "README.md"));
        var columns = sample.Warehouse.Query<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'marts' ORDER BY table_name, ordinal_position");

        Assert.NotEmpty(columns);
        foreach (var table in columns.Select(c => c.Table).Distinct())
        {
            var section = readme.IndexOf($"### `marts.{table}`", StringComparison.Ordinal);
            Assert.True(section >= 0, $"warehouse/README.md has no section for marts.{table}");
            var end = readme.IndexOf("\n### ", section + 1, StringComparison.Ordinal);
            var text = end < 0 ? readme[section..] : readme[section..end];
            Assert.Contains("Grain:", text);
            foreach (var (_, column) in columns.Where(c => c.Table == table))
                Assert.True(text.Contains($"`{column}`", StringComparison.Ordinal), $"marts.{table}.{column} is not documented");
        }
    }

    [Fact]
    public void The_stable_crime_mart_keeps_every_agreed_column_and_type_and_only_adds()
    {
        var columns = sample.Warehouse.Query<(string Column, string Type)>(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = 'crime_by_district_month' ORDER BY ordinal_position");
        (string, string)[] agreed =
            [("force_code", "VARCHAR"), ("force_name", "VARCHAR"), ("district_code", "VARCHAR"), ("district_name", "VARCHAR"), ("month", "DATE"),
             ("financial_year", "VARCHAR"), ("crime_type", "VARCHAR"), ("incidents", "BIGINT"), ("positive_outcomes", "BIGINT")];
        Assert.All(agreed, column => Assert.Contains(column, columns));
        Assert.Equal(agreed.Select(column => column.Item1), columns.Select(column => column.Column).Where(name => agreed.Any(a => a.Item1 == name)));
    }

    [Fact]
    public void Every_model_declares_its_description_grain_and_key()
    {
        Assert.All(ModelCatalog.All, model =>
        {
            Assert.False(string.IsNullOrWhiteSpace(model.Description), model.Model);
            Assert.False(string.IsNullOrWhiteSpace(model.Grain), model.Model);
            Assert.NotEmpty(model.UniqueKey);
        });
    }
}
