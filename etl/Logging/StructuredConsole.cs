using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Analytics.Etl.Logging;

/// <summary>Console logging for unattended runs: one JSON object per line (UTC time, level, event, message,
/// fields, scopes with the run id), or one plain line per event when a person asked for text.</summary>
public static class StructuredConsole
{
    public static ILoggingBuilder AddEtlConsole(this ILoggingBuilder logging, bool json)
    {
        logging.ClearProviders();
        logging.AddFilter("Quartz", LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        if (json)
            logging.AddConsole(options => options.FormatterName = JsonLineFormatter.FormatterName)
                .AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        else
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
            });
        return logging;
    }

    public static ILoggerFactory Create(bool json) => LoggerFactory.Create(logging => logging.AddEtlConsole(json));
}
