using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Warehouse;

/// <summary>A refreshed file is byte for byte its source, whatever it held before, and only differing blocks are written.</summary>
public sealed class BlockRefreshTests : IDisposable
{
    private const int Block = 256 * 1024;
    private readonly TemporaryWarehouse folder = new();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Only_the_blocks_that_differ_are_written()
    {
        var source = Random(40 * Block + 123, seed: 1);
        var target = (byte[])source.Clone();
        target[3] ^= 1;                      // first block
        target[17 * Block + 5000] ^= 1;      // a block within the first half
        target[33 * Block] ^= 1;             // a block of the second half
        target[40 * Block + 100] ^= 1;       // the short last block
        var (from, to) = (Write("source", source), Write("target", target));

        var written = BlockRefresh.Rewrite(from, to);

        Assert.Equal(3L * Block + 123, written);
        Assert.Equal(source, File.ReadAllBytes(to));
    }

    [Theory]
    [InlineData(0)]             // an empty spare
    [InlineData(7 * Block + 9)] // shorter: the rest is written
    [InlineData(90 * Block)]    // longer: cut to the source's length
    public void A_target_of_any_length_ends_as_the_source(int targetLength)
    {
        var source = Random(40 * Block + 77, seed: 2);
        var (from, to) = (Write("source", source), Write("target", Random(targetLength, seed: 3)));

        BlockRefresh.Rewrite(from, to);

        Assert.Equal(source, File.ReadAllBytes(to));
    }

    [Fact]
    public void An_identical_target_is_not_written()
    {
        var source = Random(9 * Block, seed: 4);
        var (from, to) = (Write("source", source), Write("target", source));

        Assert.Equal(0, BlockRefresh.Rewrite(from, to));
        Assert.Equal(source, File.ReadAllBytes(to));
    }

    public void Dispose() => folder.Dispose();
}
