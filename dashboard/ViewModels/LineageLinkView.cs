namespace Analytics.Dashboard.ViewModels;

/// <summary>A figure on a page, for the link to where its figures come from.</summary>
/// <param name="FigureTitle">What the link's hidden text names; the title warehouse/exposures.yml gives when not said.</param>
public sealed record LineageLinkView(string FigureId, string? FigureTitle = null);
