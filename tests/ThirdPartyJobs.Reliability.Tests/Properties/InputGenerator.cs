using System.Text;

namespace ThirdPartyJobs.Reliability.Tests.Properties;

/// <summary>
/// Seeded generator of request inputs inside the CodePipeline model's constraints: lengths
/// anywhere from the minimum to the maximum, text with quotes, backslashes, control characters,
/// non-ASCII letters and surrogate pairs (never white space only, which the client refuses).
/// </summary>
internal sealed class InputGenerator(Random random)
{
    private const string NameCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "9", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f", "\u007f", "é", "ß", "中", "ي", "\u200b",
        "😀", "𝄞", "<", ">", "&", "'", "+", "%", "{", "}", "[", "]", ":", ",", "\u2028",
    ];

    public Random Random => random;

    /// <summary>Text of <paramref name="minLength"/>–<paramref name="maxLength"/> UTF-16 units, not white space only.</summary>
    public string Text(int minLength, int maxLength)
    {
        // Favour the edges: the minimum, the maximum, and short values.
        var length = random.Next(5) switch
        {
            0 => minLength,
            1 => maxLength,
            2 => Math.Min(maxLength, minLength + random.Next(8)),
            _ => random.Next(minLength, maxLength + 1),
        };
        var text = new StringBuilder(length + 2);
        text.Append(NameCharacters[random.Next(NameCharacters.Length)]);
        while (text.Length < length)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            if (text.Length + piece.Length > length)
            {
                piece = "x";
            }

            text.Append(piece);
        }

        return text.ToString();
    }

    public string? OptionalText(int minLength, int maxLength) => random.Next(3) == 0 ? null : Text(minLength, maxLength);

    public string Name(int maxLength)
    {
        var length = random.Next(3) == 0 ? maxLength : random.Next(1, maxLength + 1);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameCharacters[r.Next(NameCharacters.Length)];
            }
        });
    }

    public ActionTypeId ActionTypeId() => new(
        random.Next(4) == 0 ? ActionCategory.FromValue("Future" + Name(8)) : new[] { ActionCategory.Build, ActionCategory.Test, ActionCategory.Deploy, ActionCategory.Source, ActionCategory.Invoke, ActionCategory.Approval, ActionCategory.Compute }[random.Next(7)],
        random.Next(4) == 0 ? ActionOwner.FromValue("Future" + Name(8)) : new[] { ActionOwner.ThirdParty, ActionOwner.Custom, ActionOwner.AWS }[random.Next(3)],
        Name(35),
        Name(9));

    public int MaxBatchSize() => random.Next(3) switch
    {
        0 => 1,
        1 => int.MaxValue,
        _ => random.Next(1, 1000),
    };

    public CurrentRevision? CurrentRevision() => random.Next(3) == 0
        ? null
        : new CurrentRevision(
            Text(1, 1500),
            Text(1, 100),
            random.Next(2) == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(0, 4_102_444_800_000)).ToOffset(TimeSpan.FromMinutes(random.Next(-12, 15) * 60)),
            OptionalText(1, 2048));

    public ExecutionDetails? ExecutionDetails() => random.Next(3) == 0
        ? null
        : new ExecutionDetails(OptionalText(1, 2048), OptionalText(1, 1500), random.Next(3) == 0 ? null : random.Next(0, 101));

    public FailureDetails FailureDetails() => new(
        random.Next(3) == 0 ? FailureType.FromValue("Future" + Name(8)) : new[] { FailureType.JobFailed, FailureType.ConfigurationError, FailureType.PermissionError, FailureType.RevisionOutOfSync, FailureType.RevisionUnavailable, FailureType.SystemUnavailable }[random.Next(6)],
        Text(1, 5000),
        OptionalText(1, 1500));
}
