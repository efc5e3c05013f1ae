using System.Buffers;
using System.Text;
using Analytics.Etl.Sources;
using Analytics.Warehouse.Schema;

namespace Analytics.Etl.Loading;

/// <summary>A line the scan rejected itself, before DuckDB: too long, or more or fewer fields than the header.</summary>
public sealed record ScannedReject(long LineNumber, string Reason, string RawText);

/// <summary>What <see cref="CsvLineScan"/> found: the header's names, the lines it rejected and the data lines it wrote.</summary>
public sealed record CsvScan(IReadOnlyList<string> Header, IReadOnlyList<ScannedReject> Rejects, long DataLines);

/// <summary>
/// The first read of a CSV file, in C# and in bounded memory, before DuckDB reads it: splits lines on LF, CRLF or a
/// lone CR (mixed as they come), so line N is the N-th line a text editor shows, and writes them to a clean copy
/// that ends every line with LF and starts every data line with its number (<c>N,</c>; the header with
/// <see cref="LineNumberColumn"/>), so each row DuckDB parses carries its line number. Refuses the file when it is
/// UTF-16, or its header is too wide or too long; a data line too long (<see cref="InputLimits.MaxLineBytes"/>) or
/// with more or fewer fields than the header (quotes honoured) is rejected here and left blank in the copy, so DuckDB
/// never spends time or memory on it, never counts the number column in a message of its own, and every other line
/// keeps its number. Quotes do not join lines: published files never hold a line break inside a field.
/// </summary>
public sealed class CsvLineScan
{
    private const int ReadBufferBytes = 1024 * 1024;
    private const int RawTextBytes = RejectText.KeptChars * 4; // enough UTF-8 for the part of a reject that is kept

    /// <summary>The name the copy's header gives the line number column it adds in front of the file's own.</summary>
    public const string LineNumberColumn = "line_number";

    /// <summary>The bytes the scan acts on; runs of any other bytes are copied as they are.</summary>
    private static readonly SearchValues<byte> Special = SearchValues.Create("\n\r\",\0"u8);

    private readonly string sourcePath;
    private readonly Stream output;
    private readonly byte[] line = new byte[InputLimits.MaxLineBytes];
    private readonly List<ScannedReject> rejects = [];
    private List<string>? header;
    private readonly byte[] prefix = new byte[24];
    private long lineNumber, lineBytes, overflowChars, nulBytes, dataLines;
    private int fields = 1;
    private bool quoted;

    private CsvLineScan(string sourcePath, Stream output) => (this.sourcePath, this.output) = (sourcePath, output);

    /// <param name="cleanPath">Where the numbered copy with LF line ends is written, for DuckDB to read.</param>
    public static CsvScan Scan(DiscoveredFile file, string cleanPath, CancellationToken cancellation)
    {
        using var input = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var output = new FileStream(cleanPath, FileMode.Create, FileAccess.Write, FileShare.None, ReadBufferBytes);
        var scan = new CsvLineScan(file.SourcePath, output);
        scan.Read(input, cancellation);
        return new CsvScan(scan.header ?? throw new SourceFileException(file.SourcePath, "the file is empty: there is no header line"), scan.rejects, scan.dataLines);
    }

    private void Read(Stream input, CancellationToken cancellation)
    {
        var buffer = new byte[ReadBufferBytes];
        var afterCarriageReturn = false;
        var first = true;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            if (first && read >= 2 && (buffer[0], buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
                throw new SourceFileException(sourcePath, "the file is UTF-16 encoded (it starts with a UTF-16 byte order mark): save it as \"CSV UTF-8\"");
            first = false;
            var rest = buffer.AsSpan(0, read);
            while (rest.Length > 0)
            {
                if (afterCarriageReturn && rest[0] == (byte)'\n') rest = rest[1..]; // the LF of a CRLF
                afterCarriageReturn = false;
                var next = rest.IndexOfAny(Special); // vectorised: most bytes are plain text, copied in runs
                Append(next < 0 ? rest : rest[..next]);
                if (next < 0) break;
                var b = rest[next];
                rest = rest[(next + 1)..];
                if (b is (byte)'\n' or (byte)'\r')
                {
                    EndLine();
                    afterCarriageReturn = b == (byte)'\r';
                    continue;
                }
                Append([b]);
                if (b == 0) nulBytes++;
                else if (b == (byte)'"') quoted = !quoted;
                else if (!quoted) fields++; // a comma outside quotes
            }
        }
        if (lineBytes > 0) EndLine(); // a last line without a line end
    }

    /// <summary>Keeps a line's bytes up to the limit; past it only counts them (and their characters, for the reject).</summary>
    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = (int)Math.Max(0, line.Length - lineBytes);
        bytes[..Math.Min(room, bytes.Length)].CopyTo(line.AsSpan((int)Math.Min(lineBytes, line.Length)));
        overflowChars += Characters(bytes[Math.Min(room, bytes.Length)..]);
        lineBytes += bytes.Length;
    }

    /// <summary>UTF-8 characters: the bytes that are not continuation bytes (10xxxxxx).</summary>
    private static long Characters(ReadOnlySpan<byte> bytes)
    {
        long characters = 0;
        foreach (var b in bytes)
            if ((b & 0xC0) != 0x80) characters++;
        return characters;
    }

    private void EndLine()
    {
        lineNumber++;
        if (header is null) ReadHeader();
        else if (lineBytes == 0) { } // a blank line stays blank; DuckDB skips it
        else if (lineBytes > InputLimits.MaxLineBytes)
            Reject($"LINE TOO LONG: the line is {lineBytes:N0} bytes, longer than the {InputLimits.MaxLineBytes:N0} bytes allowed");
        else if (!quoted && fields > header.Count)
            Reject($"TOO MANY COLUMNS: expected {header.Count:N0} fields, found {fields:N0}");
        else if (!quoted && fields < header.Count)
            Reject($"MISSING COLUMNS: expected {header.Count:N0} fields, found {fields:N0}");
        else WriteDataLine();
        output.WriteByte((byte)'\n');
        (lineBytes, overflowChars, nulBytes, fields, quoted) = (0, 0, 0, 1, false);
    }

    private void ReadHeader()
    {
        if (nulBytes * 4 > lineBytes)
            throw new SourceFileException(sourcePath, "the file is UTF-16 encoded (every other byte of its first line is zero): save it as \"CSV UTF-8\"");
        if (fields > InputLimits.MaxColumns)
            throw new SourceFileException(sourcePath, $"the header has {fields:N0} fields, more than the {InputLimits.MaxColumns:N0} allowed");
        if (lineBytes > InputLimits.MaxLineBytes)
            throw new SourceFileException(sourcePath, $"the header line is {lineBytes:N0} bytes, longer than the {InputLimits.MaxLineBytes:N0} bytes allowed");
        if (lineBytes == 0)
            throw new SourceFileException(sourcePath, "the first line is blank: expected a CSV header");
        header = CsvStager.SplitHeader(Encoding.UTF8.GetString(line, 0, (int)lineBytes));
        output.Write(Encoding.ASCII.GetBytes(LineNumberColumn + ","));
        output.Write(line, 0, (int)lineBytes);
    }

    private void WriteDataLine()
    {
        lineNumber.TryFormat(prefix, out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        prefix[digits] = (byte)',';
        output.Write(prefix, 0, digits + 1);
        output.Write(line, 0, (int)lineBytes);
        dataLines++;
    }

    private void Reject(string reason)
    {
        var kept = line.AsSpan(0, (int)Math.Min(lineBytes, line.Length));
        var characters = Characters(kept) + overflowChars;
        var start = Encoding.UTF8.GetString(kept[..Math.Min(kept.Length, RawTextBytes)]);
        rejects.Add(new ScannedReject(lineNumber, reason, RejectText.Cap(start, characters)));
    }
}
