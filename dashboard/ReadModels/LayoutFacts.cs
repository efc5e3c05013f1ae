using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Analytics.Dashboard.ReadModels;

/// <summary>What the layout of every page shows besides the page: the operations banner and the snapshot read.</summary>
/// <param name="Snapshot">The snapshot this page's figures were read from, or null when the page read none.</param>
public sealed record LayoutFacts(OperationalStatus Operations, PublishedSnapshot? Snapshot)
{
    private const string Key = nameof(LayoutFacts);

    public static LayoutFacts? From(ViewDataDictionary viewData) => viewData[Key] as LayoutFacts;

    internal void Into(ViewDataDictionary viewData) => viewData[Key] = this;
}
