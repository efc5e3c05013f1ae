using Analytics.Etl.Pipeline;

namespace Analytics.Tests.Support;

/// <summary>The bundled sample loaded once by the real ETL, shared by the tests that only read it.</summary>
public sealed class SampleWarehouseFixture : IDisposable
{
    public TemporaryWarehouse Warehouse { get; } = new();
    public RunResult Result { get; }

    public SampleWarehouseFixture()
    {
        Result = Warehouse.Run(RepositoryPaths.Sample);
        if (Result.ExitCode != ExitCode.Success)
            throw new InvalidOperationException($"The sample did not load: {string.Join("; ", Result.Errors)}");
    }

    public void Dispose() => Warehouse.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SampleWarehouseCollection : ICollectionFixture<SampleWarehouseFixture>
{
    public const string Name = "sample warehouse";
}
