namespace Analytics.Dashboard.ViewModels;

/// <summary>A figure on a page, for the link to where its figures come from.</summary>
public sealed record LineageLinkView(string FigureId, string FigureTitle);
