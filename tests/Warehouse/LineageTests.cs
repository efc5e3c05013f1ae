using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Schema;
using Dapper;

namespace Analytics.Tests.Warehouse;

/// <summary>
/// A figure's lineage lists exactly the files and runs that fed it: two runs that loaded Kent months appear, a run
/// that only loaded another force does not, and the data tests are those of the run that published the snapshot.
/// </summary>
public sealed class LineageTests : IDisposable
{
    private const string Kent = "E23000032";
    private const string CrimeMart = "marts.crime_by_area_month";
    private readonly TemporaryWarehouse warehouse = new();

    [Fact]
    public void A_kent_crime_figure_lists_both_kent_runs_and_not_a_run_that_loaded_only_essex()
    {
        var inputs = warehouse.Inputs;
        var january = PoliceCsv.Write(Path.Combine(inputs, "one"), "2025-01-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("k1"), PoliceCsv.Crime("k2"), PoliceCsv.Asb());
        var february = PoliceCsv.Write(Path.Combine(inputs, "two"), "2025-02-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("k3", month: "2025-02"), PoliceCsv.Crime("k4", month: "2025-13"));
        var essex = PoliceCsv.Write(Path.Combine(inputs, "three"), "2025-01-essex-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("e1").Replace("Kent Police", "Essex Police", StringComparison.Ordinal), PoliceCsv.Crime("e2", month: "2025-14"));
        var first = Published(warehouse.Run([.. RepositoryPaths.KentGeography, january]));
        var second = Published(warehouse.Run(february));
        var third = Published(warehouse.Run(essex));

        var lineage = Lineage().For(CrimeMart, Kent, allForces: false, rejectLimit: 10);

        Assert.True(lineage.Recorded);
        var police = lineage.Files.Where(file => file.SourceKind == "police_street").ToList();
        Assert.Equal(["2025-01-kent-street.csv", "2025-02-kent-street.csv"], police.Select(file => Path.GetFileName(file.SourcePath)).Order(StringComparer.Ordinal));
        Assert.Equal([first.RunId, second.RunId], police.Select(file => file.RunId));
        Assert.DoesNotContain(lineage.Files, file => file.RunId == third.RunId);
        Assert.All(police, file => Assert.Equal("data.police.uk", file.Publisher));
        Assert.Equal(2, lineage.Files.Count(file => file.SourceKind.StartsWith("ons_", StringComparison.Ordinal)));
        Assert.All(lineage.Files, file => Assert.Equal("manual", file.RunTrigger)); // TemporaryWarehouse runs as a person would
        Assert.All(lineage.Files, file => Assert.NotNull(file.RunStartedAt));

        // February's bad month is the one reject of Kent's files; Essex's is not Kent's.
        var reject = Assert.Single(lineage.Rejects);
        Assert.Equal(1, lineage.RejectedRows);
        Assert.Equal(3, reject.LineNumber);
        Assert.Equal("Month", reject.Field);
        Assert.EndsWith("2025-02-kent-street.csv", reject.SourcePath, StringComparison.Ordinal);

        var everyForce = Lineage().For(CrimeMart, Kent, allForces: true, rejectLimit: 10);
        Assert.Contains(everyForce.Files, file => file.RunId == third.RunId && file.ForceSlug == "essex");
        Assert.Equal(2, everyForce.RejectedRows);
    }

    [Fact]
    public void Upstream_models_reach_the_raw_tables_and_the_tests_are_the_publishing_runs()
    {
        var january = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("k1"));
        var run = Published(warehouse.Run([.. RepositoryPaths.KentGeography, january]));

        var lineage = Lineage().For(CrimeMart, Kent, allForces: false, rejectLimit: 10);

        Assert.Equal(CrimeMart, lineage.Mart!.Model);
        Assert.Contains(lineage.Upstream, model => model.Model == "intermediate.int_crime_by_area_month" && model.Steps == 1);
        Assert.Contains(lineage.Upstream, model => model.Model == "staging.stg_police__street_records");
        Assert.DoesNotContain(lineage.Upstream, model => model.Model.StartsWith("marts.", StringComparison.Ordinal));
        Assert.Contains(lineage.Sources, source => source.Table == "raw.police_street" && source.Kind == "raw");
        Assert.Contains(lineage.Sources, source => source.Table == "seeds.crime_types" && source.Kind == "seeds");
        Assert.DoesNotContain(lineage.Sources, source => source.Table.StartsWith("raw.funding", StringComparison.Ordinal));
        Assert.Contains(lineage.Columns, column => column.Column == "incidents" && column.Type == "BIGINT");

        var upstream = lineage.Upstream.Select(model => model.Model).Append(CrimeMart).ToHashSet();
        var expected = run.DataTests.Where(test => upstream.Contains(test.Test.Model)).Select(test => (test.Test.Name, test.Test.Model)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, lineage.Tests.Select(test => (test.TestName, test.Model)).Order());
        Assert.All(lineage.Tests, test => Assert.Equal(run.RunId, test.RunId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_snapshot_published_before_lineage_was_recorded_says_so(bool migrated)
    {
        // A warehouse file as an earlier version left it: no catalog tables, or the tables with nothing in them yet.
        var path = Path.Combine(warehouse.Inputs, "earlier.duckdb");
        using (var connection = DuckDbConnections.OpenReadWrite(path))
        {
            if (migrated) Migrator.Migrate(connection);
            else connection.Execute("CREATE SCHEMA meta; CREATE TABLE meta.source_files (file_id INTEGER)");
        }

        var lineage = new LineageQueries(new FileReader(path)).For(CrimeMart, Kent, allForces: false, rejectLimit: 10);

        Assert.False(lineage.Recorded);
        Assert.Empty(lineage.Files);
    }

    private sealed class FileReader(string path) : IWarehouseReader
    {
        public DuckDB.NET.Data.DuckDBConnection Open() => DuckDbConnections.OpenReadOnly(path);
    }

    private LineageQueries Lineage() => new(new WarehouseReader(warehouse.Directory));

    private static RunResult Published(RunResult run)
    {
        Assert.True(run.Published is not null, TemporaryWarehouse.Explain(run));
        return run;
    }

    public void Dispose() => warehouse.Dispose();
}
