namespace Analytics.Etl.Inbox;

/// <param name="Directory">The folder data staff drop files into.</param>
/// <param name="Settle">How long a file must go unchanged before a run takes it, so a copy still in progress is left alone.</param>
public sealed record InboxOptions(string Directory, TimeSpan Settle)
{
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(60);
}
