using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

/// <summary>Allocation formulas for one grant, and a what-if with weights from a GET form (it only reads: nothing is saved).</summary>
public sealed class AllocationModel(AllocationPageReader reader) : ChartPageModel<AllocationPage>
{
    [BindProperty(SupportsGet = true, Name = "grant")] public string? GrantAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "fixed_weight")] public string? FixedAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "crime_weight")] public string? CrimeAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "population_weight")] public string? PopulationAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "rate_weight")] public string? RateAsked { get; set; }

    protected override AllocationPage Read(DashboardFilter filter) =>
        reader.Read(filter, GrantAsked, FixedAsked, CrimeAsked, PopulationAsked, RateAsked);
}
