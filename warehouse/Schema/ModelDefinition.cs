namespace Analytics.Warehouse.Schema;

/// <summary>
/// One model: its SQL (models/&lt;layer&gt;/&lt;name&gt;.sql) and what the YAML beside it declares: description,
/// grain, how it is materialised, and the tests on its columns.
/// </summary>
public sealed class ModelDefinition
{
    /// <summary>Qualified name, schema.table, for example core.dim_month.</summary>
    public string Model { get; set; } = "";
    public string Materialized { get; set; } = "view";
    public string Description { get; set; } = "";
    public string Grain { get; set; } = "";
    /// <summary>Columns that together identify a row: tested for uniqueness as a combination.</summary>
    public List<string> UniqueKey { get; set; } = [];
    public List<ColumnDefinition> Columns { get; set; } = [];
    /// <summary>Set for a model an incremental build maintains instead of building anew (see <see cref="ModelBuilder"/>).</summary>
    public IncrementalDefinition? Incremental { get; set; }
    /// <summary>A table an incremental build keeps and maintains; a view that declares <see cref="Incremental"/> is made
    /// anew like any view, and only its data tests read the rows in scope.</summary>
    public bool MaintainedIncrementally => Incremental is not null && Materialized == "table";

    /// <summary>Filled from the .sql file beside the YAML.</summary>
    public string Sql { get; set; } = "";
    /// <summary>Other models this one reads, found by their qualified names in its SQL.</summary>
    public IReadOnlyList<string> DependsOn { get; set; } = [];
    /// <summary>Tables outside the models that this one reads (raw.*, seeds.*, meta.*), found the same way.</summary>
    public IReadOnlyList<string> Sources { get; set; } = [];
}

public sealed class ColumnDefinition
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool NotNull { get; set; }
    public bool Unique { get; set; }
    public List<string> AcceptedValues { get; set; } = [];
    /// <summary>schema.table.column that every non-null value must exist in.</summary>
    public string? Relationship { get; set; }
    /// <summary>"error" stops the publish; "warn" is reported only.</summary>
    public string Severity { get; set; } = "error";
}

/// <summary>
/// How an incremental build maintains a model: it deletes the rows <see cref="DeleteWhere"/> picks (a call of the
/// scope macros, warehouse/scope/changed_rows.sql, on the model's own columns) and inserts the model's SQL again,
/// whose sources filter on the same scope. Every row the model's SQL makes for a row in scope must be in scope too.
/// </summary>
public sealed class IncrementalDefinition
{
    public string DeleteWhere { get; set; } = "";
}
