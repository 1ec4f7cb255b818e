namespace ThirdPartyJobs.Protocol.Json;

/// <summary>The readers of the custom-action outputs: <c>PollForJobs</c> and <c>GetJobDetails</c> (acknowledge shares the third-party reader).</summary>
internal static partial class ResponseParser
{
    private static readonly MemberNames CustomJobShape = new("id", "data", "nonce", "accountId");
    private static readonly MemberNames CustomJobDetailsShape = new("id", "data", "accountId");

    /// <summary><c>PollForJobs</c>: empty when the answer has no <c>jobs</c>.</summary>
    public static IReadOnlyList<CustomJob> ParseCustomJobs(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, static (ref JsonCursor cursor) =>
        {
            IReadOnlyList<CustomJob> jobs = [];
            while (cursor.Next(PollOutput, out _))
            {
                jobs = cursor.List(ReadCustomJob);
            }

            return jobs;
        });

    /// <summary><c>GetJobDetails</c>: null when the answer has no <c>jobDetails</c>.</summary>
    public static CustomJobDetails? ParseCustomJobDetails(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, static (ref JsonCursor cursor) =>
        {
            CustomJobDetails? details = null;
            while (cursor.Next(GetJobDetailsOutput, out _))
            {
                details = cursor.Object(ReadCustomJobDetails);
            }

            return details;
        });

    private static CustomJob ReadCustomJob(ref JsonCursor cursor)
    {
        string? id = null, nonce = null, accountId = null;
        JobData? data = null;
        while (cursor.Next(CustomJobShape, out var member))
        {
            switch (member)
            {
                case 0: id = cursor.String(); break;
                case 1: data = cursor.Object(ReadJobData); break;
                case 2: nonce = cursor.String(); break;
                default: accountId = cursor.String(); break;
            }
        }

        return new CustomJob(id, data, nonce, accountId);
    }

    private static CustomJobDetails ReadCustomJobDetails(ref JsonCursor cursor)
    {
        string? id = null, accountId = null;
        JobData? data = null;
        while (cursor.Next(CustomJobDetailsShape, out var member))
        {
            switch (member)
            {
                case 0: id = cursor.String(); break;
                case 1: data = cursor.Object(ReadJobData); break;
                default: accountId = cursor.String(); break;
            }
        }

        return new CustomJobDetails(id, data, accountId);
    }
}
