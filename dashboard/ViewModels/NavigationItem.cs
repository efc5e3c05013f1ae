namespace Analytics.Dashboard.ViewModels;

/// <summary>The pages in the navigation bar, in order, with the question each answers.</summary>
public sealed record NavigationItem(string Path, string Label)
{
    public static readonly NavigationItem[] All =
    [
        new("/", "Overview"),
        new("/spend", "Spend"),
        new("/outcomes", "Plan outcomes"),
        new("/value-for-money", "Value for money"),
        new("/crime", "Crime"),
        new("/peers", "Peers"),
        new("/allocation", "Allocation"),
        new("/data", "Data"),
        new("/panel-report", "Panel report"),
    ];
}
