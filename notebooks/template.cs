// Template: copy this file to notebooks/<your-question>.cs and tell its story top to bottom.
// It answers: how many recorded crimes each force area in the warehouse has, year by year.
// Run from anywhere in the repository:  dotnet run notebooks/template.cs -- [--year 2025/26] [--warehouse DIR] [--out DIR]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using Analytics.Notebooks;
using Microsoft.Data.Analysis;
using Plotly.NET.CSharp;

return Notebook.Run("template", "Recorded crime by force area",
    "Usage: dotnet run notebooks/template.cs -- [--year YYYY/YY] [--warehouse DIR] [--out DIR]",
    ["year"], args, notebook =>
{
    // 1. Read a mart. Parameters are bound as $name, never pasted into the SQL.
    var years = notebook.Query("SELECT DISTINCT financial_year FROM marts.area_profile_by_year ORDER BY financial_year");
    var year = notebook.Arguments["year"] ?? years.Values<string>("financial_year").Last();

    // 2. Check arguments against what the warehouse holds; a wrong one lists the valid choices.
    if (!years.Values<string>("financial_year").Contains(year))
        throw NotebookException.UnknownChoice("financial year", year, years.Values<string>("financial_year"));

    var areas = notebook.Query("""
        SELECT area_code, area_name, months_covered, recorded_crimes, recorded_crimes_per_1000
        FROM marts.area_profile_by_year WHERE area_type = 'force_area' AND financial_year = $year
        """, new { year });

    // 3. Reshape in a DataFrame, not in loops: here, the largest first.
    var ranked = areas.OrderByDescending("recorded_crimes");

    // 4. Say what the figures show, then show them: a chart beside its table, written as CSV too.
    notebook.Report.Paragraph($"Recorded crime in {year} by force area, from marts.area_profile_by_year. Partial years are rated per year.");
    notebook.Report.Source("marts.area_profile_by_year (data.police.uk street-level crime; ONS mid-year population estimates)");
    notebook.Figure(
        Chart.Bar<long, string, string>(ranked.Values<long>("recorded_crimes"), ranked.Values<string>("area_name")),
        $"Recorded crimes by force area, {year}", ranked, "force-areas.csv");
});
