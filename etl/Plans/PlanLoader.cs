using Analytics.Etl.Loading;
using Analytics.Etl.Sources;
using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Plans;

/// <summary>
/// Loads a plan definition file. A plan is loaded whole or not at all: any problem fails the run naming
/// the line, objective, measure and field. A new version of a plan (same plan id) replaces the old one.
/// </summary>
public static class PlanLoader
{
    private static readonly string[] RawTables = ["raw.plan_objectives", "raw.plan_measures"];

    public static LoadedFile Load(DuckDBConnection connection, DiscoveredFile file, string runId, string sha256)
    {
        PlanDefinition plan;
        try
        {
            plan = PlanParser.Parse(file.LocalPath);
            CheckAgainstWarehouse(connection, plan);
        }
        catch (PlanDefinitionException problem)
        {
            throw new SourceFileException(file.SourcePath, problem.Message);
        }

        using var transaction = new WarehouseTransaction(connection);
        var fileId = FileLoader.NextFileId(connection);
        using (var objectives = connection.CreateAppender("raw", "plan_objectives"))
            foreach (var (objective, order) in plan.Objectives.Select((objective, order) => (objective, order)))
                objectives.CreateRow().AppendValue(fileId).AppendValue(objective.Line).AppendValue(plan.Id).AppendValue(plan.Title)
                    .AppendValue(plan.Version).AppendValue(plan.ForceAreaCode).AppendValue(objective.Id).AppendValue(objective.Title)
                    .AppendValue(order + 1).AppendValue(objective.Description).EndRow();
        using (var measures = connection.CreateAppender("raw", "plan_measures"))
            foreach (var objective in plan.Objectives)
                foreach (var measure in objective.Measures)
                    measures.CreateRow().AppendValue(fileId).AppendValue(measure.Line).AppendValue(objective.Id).AppendValue(measure.Id)
                        .AppendValue(measure.Title).AppendValue(measure.Metric).AppendValue(string.Join(";", measure.CrimeTypes))
                        .AppendValue(measure.Baseline).AppendValue(measure.Target is null ? "direction" : "numeric")
                        .AppendValue(measure.Direction).AppendValue(measure.Target).AppendValue(measure.TolerancePercent).EndRow();

        var rows = plan.Objectives.Count + plan.Objectives.Sum(objective => objective.Measures.Count);
        var key = $"plan:{plan.Id}";
        FileLoader.RegisterFile(connection, new FileLoader.SourceFileRecord(fileId, runId, file, "plan_definition", key, sha256,
            plan.Version, null, rows, rows, 0));
        var superseded = FileLoader.Supersede(connection, RawTables, key, fileId);
        transaction.Commit();
        return new LoadedFile(file.SourcePath, "plan_definition", FileOutcome.Loaded, rows, rows, 0,
            $"plan {plan.Id} version {plan.Version}: {plan.Objectives.Count} objectives" + (superseded is null ? "" : $"; replaces file {superseded}"),
            fileId, superseded);
    }

    /// <summary>Crime types must be ones the warehouse knows, so that every measure can be computed.</summary>
    private static void CheckAgainstWarehouse(DuckDBConnection connection, PlanDefinition plan)
    {
        var crimeTypes = connection.Query<string>("SELECT crime_type FROM seeds.crime_types").ToHashSet();
        foreach (var objective in plan.Objectives)
            foreach (var measure in objective.Measures)
                foreach (var crimeType in measure.CrimeTypes.Where(type => type != PlanMeasure.AllRecordedCrime && !crimeTypes.Contains(type)))
                    throw new PlanDefinitionException(measure.Line,
                        $"objective '{objective.Id}', measure '{measure.Id}': field 'crime_types' names '{crimeType}', which is not a published crime type");
    }
}
