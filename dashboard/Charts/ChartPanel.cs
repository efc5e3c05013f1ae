using Plotly.NET;

namespace Analytics.Dashboard.Charts;

public enum ColumnFormat { Text, Count, Money, MoneyExact, Rate, Percent, Month, Number }

/// <param name="Name">Machine name, used as the CSV header.</param>
/// <param name="Heading">What the table alternative shows.</param>
public sealed record TableColumn(string Name, string Heading, ColumnFormat Format = ColumnFormat.Text);

/// <summary>A chart's data: what the table alternative shows and the CSV download holds, row for row.</summary>
public sealed record DataTable(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// One chart with everything that goes with it: a heading, a sentence saying what it shows, its source, the
/// Plotly.NET figure, and the table of exactly its data (shown on the page and offered as CSV).
/// </summary>
public sealed record ChartPanel(string Id, string Title, string Summary, string Source, GenericChart Chart, DataTable Table);
