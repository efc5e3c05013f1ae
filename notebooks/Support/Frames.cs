using System.Data;
using System.Numerics;
using Analytics.Warehouse.Queries;
using Dapper;
using Microsoft.Data.Analysis;

namespace Analytics.Notebooks;

/// <summary>Query results as DataFrames, and the few column conversions the notebooks need.</summary>
public static class Frames
{
    /// <summary>
    /// Runs one query (parameters as <c>$name</c>, bound by Dapper) and returns its rows as a DataFrame: whole numbers
    /// (HUGEINT sums too) as Int64, other numbers (DECIMAL money too) as Double, dates as DateTime, text as String.
    /// </summary>
    public static DataFrame Query(IWarehouseReader reader, string sql, object? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var connection = reader.Open();
        using var data = connection.ExecuteReader(sql, parameters);
        var values = Enumerable.Range(0, data.FieldCount).Select(_ => new List<object?>()).ToArray();
        while (data.Read())
            for (var i = 0; i < data.FieldCount; i++) values[i].Add(data.IsDBNull(i) ? null : data.GetValue(i));
        return new DataFrame(Enumerable.Range(0, data.FieldCount).Select(i => Column(data.GetName(i), data.GetFieldType(i), values[i])));
    }

    /// <summary>
    /// Records from the warehouse's query classes as a DataFrame, one column per property (named in snake_case, as
    /// the marts name them), typed as <see cref="Query"/> types them.
    /// </summary>
    public static DataFrame FromRecords<T>(IEnumerable<T> records)
    {
        var rows = records.ToList();
        return new DataFrame(typeof(T).GetProperties().Select(property =>
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            return Column(SnakeCase(property.Name), type, rows.Select(row => property.GetValue(row)).ToList());
        }));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static DataFrameColumn Column(string name, Type type, List<object?> values) => type switch
    {
        _ when type == typeof(string) => new StringDataFrameColumn(name, values.Select(v => (string?)v)),
        _ when type == typeof(bool) => new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
        _ when type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) =>
            new PrimitiveDataFrameColumn<DateTime>(name, values.Select(ToDateTime)),
        _ when IsWhole(type) => new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : ToLong(v))),
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) =>
            new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))),
        _ => new StringDataFrameColumn(name, values.Select(v => v?.ToString())),
    };

    private static bool IsWhole(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
        || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(BigInteger);

    private static long ToLong(object value) => value is BigInteger big ? (long)big : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime? ToDateTime(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset moment => moment.UtcDateTime,
        _ => (DateTime)value,
    };

    /// <summary>A column's values as doubles (counts divided by counts must not divide as whole numbers).</summary>
    public static DoubleDataFrameColumn AsDouble(this DataFrameColumn column, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new DoubleDataFrameColumn(name ?? column.Name, column.Cast<object?>().Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The rows whose text column equals a value.</summary>
    public static DataFrame Where(this DataFrame frame, string column, string value)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Filter(frame[column].ElementwiseEquals(value));
    }

    /// <summary>A column's values as an array for a chart (nulls as the fallback).</summary>
    public static T[] Values<T>(this DataFrame frame, string column, T fallback = default!)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame[column].Cast<object?>().Select(v => v is null ? fallback : v is T typed ? typed : (T)Convert.ChangeType(v, typeof(T), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The same frame with only the named columns, in that order (for a table or CSV).</summary>
    public static DataFrame Select(this DataFrame frame, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new DataFrame(columns.Select(name => frame[name].Clone()));
    }
}
