using Analytics.Etl.Loading;
using Analytics.Warehouse.Lineage;

namespace Analytics.Tests.Warehouse;

/// <summary>warehouse/seeds/source_kinds.csv knows every kind of file the ETL loads and the raw tables it fills, so that
/// lineage finds the files behind every raw table and every page names every kind in words.</summary>
public sealed class SourceKindTests
{
    [Fact]
    public void Every_kind_the_etl_loads_is_in_the_seed_with_its_raw_table()
    {
        var loaded = SourceSpecs.All.Select(spec => (spec.Kind, spec.RawTable))
            .Concat([("plan_definition", "raw.plan_objectives"), ("plan_definition", "raw.plan_measures")]) // a plan is loaded whole (PlanLoader)
            .ToList();
        var seeded = SourceKinds.All.SelectMany(kind => kind.RawTables.Select(table => (kind.Kind, table))).ToList();

        Assert.Equal(loaded.Order(), seeded.Order());
        Assert.All(SourceKinds.All, kind =>
        {
            Assert.False(string.IsNullOrWhiteSpace(kind.Name), kind.Kind);
            Assert.False(string.IsNullOrWhiteSpace(kind.Publisher), kind.Kind);
        });
    }

    [Fact]
    public void A_kind_is_named_in_words_and_an_unknown_one_as_it_is()
    {
        Assert.Equal("Police street-level crime", SourceKinds.Name("police_street"));
        Assert.Equal("District code history", SourceKinds.Name("district_codes"));
        Assert.Equal("something_new", SourceKinds.Name("something_new"));
    }
}
