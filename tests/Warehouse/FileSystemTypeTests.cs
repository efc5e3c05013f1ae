using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Warehouse;

/// <summary>The file system a warehouse folder is on, which a run's log names beside the time its snapshot copy took.</summary>
public sealed class FileSystemTypeTests
{
    private const string MountTable = """
        /dev/vda / ext4 rw,relatime,discard 0 0
        proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
        /dev/loop0 /mnt/xfs xfs rw,relatime,inode64 0 0
        /dev/loop1 /mnt/xfs/inner btrfs rw,relatime 0 0
        """;

    [Theory]
    [InlineData("/work/warehouse", "ext4")]
    [InlineData("/mnt/xfs", "xfs")]
    [InlineData("/mnt/xfs/nat/big", "xfs")]
    [InlineData("/mnt/xfs/inner/warehouse", "btrfs")]
    [InlineData("/mnt/xfsother/warehouse", "ext4")]
    public void The_deepest_mount_above_the_folder_gives_its_type(string folder, string expected) =>
        Assert.Equal(expected, FileSystemType.Of(folder, MountTable));

    [Fact]
    public void A_folder_no_mount_holds_is_of_an_unknown_file_system() =>
        Assert.Equal(FileSystemType.Unknown, FileSystemType.Of("/srv/warehouse", "proc /proc proc rw 0 0\n"));
}
