using Analytics.Dashboard.Filters;

namespace Analytics.Dashboard.ViewModels;

/// <summary>The filter form of a page: which filters it offers, and their values and choices (in the filter).</summary>
/// <param name="ShowLevel">Offer figures by partnership as well as by district.</param>
/// <param name="Keep">Page parameters (such as the measure a chart shows) that applying the filters keeps.</param>
public sealed record FilterFormView(
    ValidatedFilter Filter, bool ShowDistrict = true, bool ShowCrimeType = false,
    IReadOnlyDictionary<string, string>? Keep = null, bool ShowLevel = false, bool ShowArea = true);
