namespace Analytics.Etl.Pipeline;

/// <summary>
/// A testing aid for fault tests: with ANALYTICS_ETL_PAUSE_AT set to a step's name (reading, loading, data-tests,
/// publish), the run says it has reached that step and waits there for ever, so a test can kill the process at an
/// exact point instead of racing it. Unset (always, outside tests), it does nothing.
/// </summary>
public static class PausePoint
{
    public const string EnvironmentVariable = "ANALYTICS_ETL_PAUSE_AT";

    public static void Reached(string step, IRunReporter reporter)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), step, StringComparison.Ordinal)) return;
        reporter.Progress($"paused at {step} ({EnvironmentVariable})");
        Thread.Sleep(Timeout.Infinite);
    }
}
