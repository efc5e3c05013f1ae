using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Makes one file byte for byte the same as another by writing only the blocks that differ. A retired snapshot
/// differs from the published one in the few percent of blocks the runs between them rewrote, so on a file system
/// whose copies write every block (ext4) this reads both files but writes a fraction of what a copy writes.
/// </summary>
public static class BlockRefresh
{
    /// <summary>The unit compared and rewritten: DuckDB's block size, so a changed block is written once, whole.</summary>
    private const int BlockBytes = 256 * 1024;

    /// <summary>Blocks read at a time from each file.</summary>
    private const int ChunkBlocks = 16;

    /// <summary>Rewrites <paramref name="target"/> to equal <paramref name="source"/>; returns the bytes written.</summary>
    public static long Rewrite(string source, string target, CancellationToken cancellation = default)
    {
        using var from = File.OpenHandle(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = File.OpenHandle(target, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var length = RandomAccess.GetLength(from);
        RandomAccess.SetLength(to, length);
        // Two halves at once: the reads of one overlap the other's comparing, and a cold file is read twice as deep.
        var half = length / 2 / BlockBytes * BlockBytes;
        var written = new long[2];
        Parallel.For(0, 2, new ParallelOptions { CancellationToken = cancellation },
            part => written[part] = RewriteRange(from, to, part == 0 ? 0 : half, part == 0 ? half : length, cancellation));
        return written[0] + written[1];
    }

    private static long RewriteRange(SafeFileHandle from, SafeFileHandle to,
        long start, long end, CancellationToken cancellation)
    {
        var wanted = new byte[BlockBytes * ChunkBlocks];
        var held = new byte[BlockBytes * ChunkBlocks];
        var written = 0L;
        for (var offset = start; offset < end; offset += wanted.Length)
        {
            cancellation.ThrowIfCancellationRequested();
            var count = (int)Math.Min(wanted.Length, end - offset);
            ReadExactly(from, wanted.AsSpan(0, count), offset);
            var heldCount = ReadUpTo(to, held.AsSpan(0, count), offset); // short where the target was shorter
            for (var block = 0; block < count; block += BlockBytes)
            {
                var size = Math.Min(BlockBytes, count - block);
                var same = block + size <= heldCount && wanted.AsSpan(block, size).SequenceEqual(held.AsSpan(block, size));
                if (same) continue;
                RandomAccess.Write(to, wanted.AsSpan(block, size), offset + block);
                written += size;
            }
        }
        return written;
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        if (ReadUpTo(file, buffer, offset) < buffer.Length)
            throw new EndOfStreamException($"the file ended before byte {offset + buffer.Length:N0} while it was being copied");
    }

    /// <summary>Fills the buffer from the offset on, or as much of it as the file holds.</summary>
    private static int ReadUpTo(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var done = 0;
        while (done < buffer.Length && RandomAccess.Read(file, buffer[done..], offset + done) is var read and > 0) done += read;
        return done;
    }
}
