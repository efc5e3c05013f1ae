using System.Globalization;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace Analytics.Notebooks;

/// <summary>
/// One run of a notebook: its arguments, the published snapshot held open read-only for the whole run (every query
/// reads the same snapshot, as a dashboard page does), the report it builds and the folder it writes to.
/// Use it as the <see cref="IWarehouseReader"/> of the warehouse's query classes.
/// </summary>
public sealed class Notebook : IWarehouseReader, IDisposable
{
    private readonly WarehouseReader reader;
    private readonly SnapshotLease lease;
    private readonly List<(string Name, DataFrame Frame)> files = [];

    private Notebook(string name, NotebookArguments arguments, string repository, WarehouseDirectory warehouse, string title)
    {
        Name = name;
        Arguments = arguments;
        Repository = repository;
        Warehouse = warehouse;
        PlotlyScriptPath = NotebookSettings.PlotlyScript(repository);
        if (warehouse.ReadPublished() is null)
            throw new NotebookException($"No published warehouse in {warehouse.Root}. Build one from the sample with:\n  dotnet run --project etl -- run --source data/sample --warehouse {warehouse.Root}\n"
                + "(or point --warehouse, or the Warehouse__Directory environment variable, at a warehouse folder)", NotebookException.NothingToRead);
        reader = new WarehouseReader(warehouse);
        lease = reader.Lease();
        Report = new HtmlReport(title);
        OutputDirectory = Path.GetFullPath(arguments["out"]
            ?? Path.Combine(repository, "notebook-output", $"{name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
    }

    public string Name { get; }
    public NotebookArguments Arguments { get; }
    public string Repository { get; }
    public WarehouseDirectory Warehouse { get; }
    public PublishedSnapshot Snapshot => lease.Snapshot;
    public HtmlReport Report { get; }
    public string OutputDirectory { get; }
    private string PlotlyScriptPath { get; }

    /// <summary>
    /// Runs a notebook's body and writes its report and CSV files. Problems the person can fix are printed as
    /// messages (with the valid choices where there are some) and give a non-zero exit code; nothing prints a stack trace.
    /// </summary>
    /// <param name="options">The notebook's own options (without the dashes); --warehouse and --out are common to all.</param>
    public static int Run(string name, string title, string usage, string[] options, IReadOnlyList<string> args, Action<Notebook> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var arguments = new NotebookArguments(args, usage, options);
            var repository = NotebookSettings.RepositoryRoot();
            using var notebook = new Notebook(name, arguments, repository, NotebookSettings.Warehouse(arguments["warehouse"], repository), title);
            body(notebook);
            notebook.Save();
            return 0;
        }
        catch (NotebookException problem)
        {
            (problem.ExitCode == 0 ? Console.Out : Console.Error).WriteLine(problem.Message);
            return problem.ExitCode;
        }
#pragma warning disable CA1031 // the last resort: a message, never a stack trace, in front of the person running it
        catch (Exception failure)
        {
            Console.Error.WriteLine($"{name} stopped: {failure.Message} ({failure.GetType().Name}). Nothing was written.");
            return 1;
        }
#pragma warning restore CA1031
    }

    /// <summary>A connection to the snapshot this run reads, for the warehouse's query classes and Dapper.</summary>
    public DuckDBConnection Open() => lease.Open();

    /// <summary>A query's rows as a DataFrame; parameters as <c>$name</c>.</summary>
    public DataFrame Query(string sql, object? parameters = null) => Frames.Query(this, sql, parameters);

    /// <summary>A chart beside its table, and the table written as CSV.</summary>
    public void Figure(GenericChart chart, string description, DataFrame table, string csvName)
    {
        files.Add((csvName, table));
        Report.Chart(chart, description, table, csvName);
    }

    /// <summary>A table without a chart, also written as CSV.</summary>
    public void Table(DataFrame table, string description, string csvName)
    {
        files.Add((csvName, table));
        Report.Table(table, description, csvName);
    }

    private void Save()
    {
        Directory.CreateDirectory(OutputDirectory);
        foreach (var (csvName, frame) in files) CsvFile.Write(frame, Path.Combine(OutputDirectory, csvName));
        var provenance = new[]
        {
            $"Snapshot: run {Snapshot.RunId}, published {Snapshot.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (schema version {Snapshot.SchemaVersion}), read-only",
            $"Warehouse: {Warehouse.Root}",
            $"Made by notebooks/{Name}.cs on {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        };
        var report = Path.Combine(OutputDirectory, "report.html");
        File.WriteAllText(report, Report.Render(File.ReadAllText(PlotlyScriptPath), provenance));
        Console.WriteLine($"Snapshot {Snapshot.RunId} (published {Snapshot.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)");
        Console.WriteLine($"Report:  {report}");
        Console.WriteLine($"Figures: {string.Join(", ", files.Select(file => file.Name))}");
        Console.WriteLine($"Output:  {OutputDirectory}");
    }

    public void Dispose()
    {
        lease.Dispose();
        reader.Dispose();
    }
}
