using System.Runtime.InteropServices;

namespace Analytics.Etl.Cli;

/// <summary>Ctrl+C and SIGTERM ask a manual run to stop at its next step instead of killing it mid-write.</summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    private StopSignals() =>
        registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // keep the process alive until the run has stopped cleanly
                source.Cancel();
            }))
            .ToArray();

    public CancellationToken Token => source.Token;

    public static StopSignals Cancellation() => new();

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        source.Dispose();
    }
}
