using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Analytics.Etl.Logging;

/// <summary>
/// One flat JSON object per log event, the shape log collectors read without configuration: time, level, event
/// (its name, such as run_finished), category, message, then every field of the event and of its scopes
/// (run_id, trigger) in snake_case.
/// </summary>
public sealed class JsonLineFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "etl-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: a log line is read by collectors and people, never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString().ToLowerInvariant());
            json.WriteString("event", logEntry.EventId.Name ?? logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", logEntry.Formatter(logEntry.State, logEntry.Exception));
            var written = new HashSet<string>(StringComparer.Ordinal) { "time", "level", "event", "category", "message" };
            WriteFields(json, logEntry.State, written);
            scopeProvider?.ForEachScope((scope, state) => WriteFields(state.Json, scope, state.Written), (Json: json, Written: written));
            if (logEntry.Exception is { } exception) json.WriteString("exception", exception.Message);
            json.WriteEndObject();
        }
        textWriter.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteFields(Utf8JsonWriter json, object? state, HashSet<string> written)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> fields) return;
        foreach (var (key, value) in fields)
        {
            if (key == "{OriginalFormat}") continue;
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(key);
            if (!written.Add(name)) continue;
            switch (value)
            {
                case null: json.WriteNull(name); break;
                case int or long or double or decimal or float: json.WriteNumber(name, Convert.ToDecimal(value, CultureInfo.InvariantCulture)); break;
                case bool flag: json.WriteBoolean(name, flag); break;
                case DateTimeOffset at: json.WriteString(name, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
                default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
