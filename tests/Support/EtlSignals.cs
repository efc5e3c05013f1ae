using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>Sends a process SIGTERM, as systemd or a container runtime stops a service.</summary>
public static class EtlSignals
{
    public static void Terminate(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
