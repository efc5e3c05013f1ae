namespace Analytics.Etl.Templates;

/// <summary>One column of a return template, as the guidance sheet and etl/README.md describe it.</summary>
public sealed record TemplateColumn(string Name, bool Required, string Meaning, string Example);
